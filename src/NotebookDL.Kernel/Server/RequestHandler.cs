using System.Text.Json.Nodes;

namespace NotebookDL.Kernel.Server;

/// <summary>Handles one request type and returns the reply content (null: the request has no reply).</summary>
internal delegate JsonObject? RequestHandler(RequestContext context);
