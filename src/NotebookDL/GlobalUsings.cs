// The fastai layer is written against TorchSharp as a PyTorch user would write against torch: these are the
// imports every file would otherwise repeat.
global using TorchSharp;
global using TorchSharp.Modules;
global using static TorchSharp.torch;
global using NotebookDL.Optim;
// Ours win where TorchSharp.Modules has a type of the same name (TorchSharp's optimizers grow memory every step).
global using DataLoader = NotebookDL.Data.DataLoader;
global using Optimizer = NotebookDL.Optim.Optimizer;
global using SGD = NotebookDL.Optim.SGD;
global using Adam = NotebookDL.Optim.Adam;
global using AdamW = NotebookDL.Optim.AdamW;
global using ParamGroup = NotebookDL.Optim.ParamGroup;
global using static NotebookDL.Display.Tensors.DTypeNames;   // PyTorch's dtype names (TorchName) for messages
global using NotebookDL.Serialization;
