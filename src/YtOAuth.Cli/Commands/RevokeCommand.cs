using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>ytoauth revoke: revoke the grant at Google, then forget it here.</summary>
internal sealed class RevokeCommand() : GrantEnding("revoke", "Revoke the grant at Google, then forget it here. Example:" + Environment.NewLine + "  ytoauth revoke --profile work")
{
    protected override Task EndAsync(AuthEngine engine, string profile, CancellationToken cancel) => engine.RevokeAsync(profile, cancel);

    protected override string Said(string profile) => $"Revoked and forgot profile '{profile}'.";
}
