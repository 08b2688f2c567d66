namespace YtOAuth.Cli;

/// <summary>
/// One line on standard error that a long operation rewrites in place ("Uploading clip.mp4: 512.0 MiB of 1.0 GiB
/// (50%), 80.1 MiB/s, 6 s left"). Only on a terminal: a pipe or a log file gets no progress at all, never a stream of
/// carriage returns. Any other message clears the line first, so warnings are not written over it.
/// </summary>
internal sealed class ProgressLine
{
    private readonly object gate = new();
    private bool shown;

    private ProgressLine()
    {
    }

    /// <summary>A progress line when standard error is a terminal, else null (nothing to draw on).</summary>
    public static ProgressLine? OnTerminal() => Console.IsErrorRedirected ? null : new ProgressLine();

    public void Show(string text)
    {
        lock (gate)
        {
            // Cut to the width so the line never wraps: a wrapped line cannot be rewritten with a carriage return.
            var width = Width();
            Console.Error.Write("\r" + (text.Length >= width ? text[..Math.Max(0, width - 1)] : text) + "\u001b[K");
            Console.Error.Flush();
            shown = true;
        }
    }

    /// <summary>Takes the line away (before another message, and when the operation ends).</summary>
    public void Clear()
    {
        lock (gate)
        {
            if (shown)
            {
                Console.Error.Write("\r\u001b[K");
                Console.Error.Flush();
                shown = false;
            }
        }
    }

    private static int Width()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
