using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth disconnect: forget the grant here only; it stays valid at Google until revoked.</summary>
internal sealed class DisconnectCommand() : GrantEnding("disconnect", "Forget the grant here only (it stays valid at Google until revoked). Example:" + Environment.NewLine + "  ytoauth disconnect --profile old")
{
    protected override async Task EndAsync(AuthEngine engine, string profile, CancellationToken cancel)
    {
        if (!await engine.ForgetAsync(profile, cancel))
        {
            throw EngineErrors.NotConnected(profile, engine.Store.Description);
        }
    }

    protected override string Said(string profile) => $"Forgot profile '{profile}' here; the grant stays valid at Google until revoked.";
}
