// The same imports as the library's (src/NotebookDL/GlobalUsings.cs): tests read like the code they test.
global using NotebookDL.Optim;
global using NotebookDL.Serialization;
global using static NotebookDL.Display.Tensors.DTypeNames;
global using DataLoader = NotebookDL.Data.DataLoader;
global using Optimizer = NotebookDL.Optim.Optimizer;
global using SGD = NotebookDL.Optim.SGD;
global using Adam = NotebookDL.Optim.Adam;
global using AdamW = NotebookDL.Optim.AdamW;
global using ParamGroup = NotebookDL.Optim.ParamGroup;
global using TensorDataset = NotebookDL.Data.TensorDataset;
