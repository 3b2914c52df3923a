using System.Runtime.CompilerServices;

// Tests reach internal hooks that exist only for them: the export's image limit and the loader's live-worker count.
[assembly: InternalsVisibleTo("NotebookDL.Tests")]
