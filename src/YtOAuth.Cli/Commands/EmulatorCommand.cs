using YtOAuth.Emulator;
using YtOAuth.Engine;

namespace YtOAuth.Cli.Commands;

/// <summary>
/// ytoauth emulator: the standalone emulator's command line (EmulatorCommandLine, defined once in the emulator), its
/// launch failures said as usage errors like every other flag this CLI cannot use.
/// </summary>
internal sealed class EmulatorCommand : Command
{
    public EmulatorCommand()
        : base("emulator", EmulatorCommandLine.Description + " Example:" + Environment.NewLine +
                           "  ytoauth emulator --port 0 --auto-approve --seed tests/seed.json --client-secret-out /tmp/cs.json")
    {
        var line = new EmulatorCommandLine();
        line.AddTo(this);
        SetAction(async (parse, cancel) =>
        {
            try
            {
                return await line.RunAsync(parse, cancel);
            }
            catch (EmulatorLaunchException e)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, e.Message, e.Path);
            }
        });
    }
}
