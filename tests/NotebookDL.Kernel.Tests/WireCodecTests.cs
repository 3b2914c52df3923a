using System.Text;
using System.Text.Json.Nodes;
using NotebookDL.Kernel.Protocol;

namespace NotebookDL.Kernel.Tests;

public class WireCodecTests
{
    private static readonly WireCodec Codec = new(new MessageSigner("secret-key"));

    private static JupyterMessage Sample() => new()
    {
        Identities = [Encoding.ASCII.GetBytes("client-1")],
        Header = new JsonObject { ["msg_id"] = "m1", ["msg_type"] = "execute_request", ["session"] = "s", ["version"] = "5.3" },
        Content = new JsonObject { ["code"] = "1 + 1" },
    };

    [Fact]
    public void Signature_matches_an_hmac_sha256_computed_by_python()
    {
        var signer = new MessageSigner("secret-key");
        var sig = signer.Sign("{\"msg_type\":\"x\"}"u8, "{}"u8, "{}"u8, "{\"a\":1}"u8);
        Assert.Equal("8a0d749a431a924a2389012e9a0b36e668495d75e4e01c71869a435d06ce3fd9", sig);
    }

    [Fact]
    public void Encode_then_decode_round_trips_identities_and_content()
    {
        var frames = Codec.Encode(Sample());
        Assert.Equal("client-1", Encoding.ASCII.GetString(frames[0]));
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[1]));
        var decoded = Codec.Decode(frames);
        Assert.Equal("execute_request", decoded.MsgType);
        Assert.Equal("1 + 1", (string?)decoded.Content["code"]);
        Assert.Equal("client-1", Encoding.ASCII.GetString(Assert.Single(decoded.Identities)));
    }

    [Fact]
    public void Tampered_content_is_rejected()
    {
        var frames = Codec.Encode(Sample());
        frames[^1] = Encoding.UTF8.GetBytes("{\"code\":\"rm -rf\"}");
        var ex = Assert.Throws<InvalidDataException>(() => Codec.Decode(frames));
        Assert.Contains("signature", ex.Message);
    }

    [Fact]
    public void A_message_signed_with_another_key_is_rejected()
    {
        var frames = new WireCodec(new MessageSigner("other-key")).Encode(Sample());
        Assert.Throws<InvalidDataException>(() => Codec.Decode(frames));
    }

    [Fact]
    public void Missing_delimiter_and_malformed_json_are_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => Codec.Decode([Encoding.ASCII.GetBytes("garbage")]));
        var unsigned = new WireCodec(new MessageSigner(""));
        var frames = unsigned.Encode(Sample());
        frames[3] = Encoding.UTF8.GetBytes("{not json");
        Assert.Throws<InvalidDataException>(() => unsigned.Decode(frames));
    }

    [Fact]
    public void Empty_key_sends_an_empty_signature_and_accepts_any()
    {
        var unsigned = new WireCodec(new MessageSigner(""));
        var frames = unsigned.Encode(Sample());
        Assert.Empty(frames[2]);
        frames[2] = Encoding.ASCII.GetBytes("whatever");
        Assert.Equal("execute_request", unsigned.Decode(frames).MsgType);
    }
}
