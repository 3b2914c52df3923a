global using TorchSharp;
global using TorchSharp.Modules;
global using static TorchSharp.torch;
global using NotebookDL.Optim;
global using AdamW = NotebookDL.Optim.AdamW;
global using ParamGroup = NotebookDL.Optim.ParamGroup;
global using DataLoader = NotebookDL.Data.DataLoader;
