namespace NotebookDL.Data;

/// <summary>Gives an item (a file path) its label.</summary>
public interface ILabeller
{
    string Label(string item);
}
