using System.Security.Cryptography;
using System.Text;

namespace NotebookDL.Kernel.Protocol;

/// <summary>
/// HMAC-SHA256 over header, parent header, metadata and content, hex-encoded (Jupyter's message signature).
/// An empty key disables signing, as the protocol allows.
/// </summary>
public sealed class MessageSigner(string key)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    /// <summary>True when messages are signed and must be verified.</summary>
    public bool Enabled => key.Length > 0;

    /// <summary>The lowercase hex signature of the four JSON frames, or "" when signing is off.</summary>
    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(header);
        hmac.AppendData(parent);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Constant-time comparison of <paramref name="signature"/> with the expected one.</summary>
    public bool Verify(string signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parent, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(header, parent, metadata, content));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
