using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.YouTube;
using YtOAuth.Hosting;

namespace YtOAuth.Commands
{
    /// <summary>
    /// What the commands that change a channel share: one change per target (a video, a playlist, an entry), each
    /// confirmed by name and run, a failure of one target reported while the next goes on; a call that changes
    /// nothing refused before it costs quota; files given the PowerShell way.
    /// </summary>
    public abstract class YtOAuthChangeCmdlet : YtOAuthCmdlet
    {
        /// <summary>Stops the command, before anything is read or written, when none of <paramref name="changes"/> was given.</summary>
        protected void RequireAnyOf(params string[] changes)
        {
            // An update reads the resource and writes it back (51 units): one that changes nothing is refused first.
            if (!changes.Any(MyInvocation.BoundParameters.ContainsKey))
            {
                Fail(new YtOAuthException(ErrorCode.InvalidArgument, "Say what to change: -" + string.Join(", -", changes) + "."));
            }
        }

        /// <summary>Which of <paramref name="changes"/> were given, for a confirmation ("Title, Privacy").</summary>
        protected string Given(params string[] changes) => string.Join(", ", changes.Where(MyInvocation.BoundParameters.ContainsKey));

        /// <summary>
        /// For each target: asks (ConfirmChange, naming <paramref name="kind"/>, the title when known, and the id), runs
        /// <paramref name="change"/>, and writes what it returns (null: nothing, and -Verbose says it was done). A target
        /// that alone failed (not found, refused) is reported and the next goes on; anything else (quota, grant, scope,
        /// network) ends the command, since the next would fail the same way.
        /// </summary>
        protected void ChangeEach((string Id, string? Title)[] targets, string kind, Func<string, string> action,
            Func<YouTubeEditor, string, CancellationToken, Task<object?>> change, bool force = false)
        {
            try
            {
                var editor = ModuleState.ForProfile(Profile, Vault).Engine.Editor(Profile);
                foreach (var (id, title) in targets)
                {
                    var target = PipedResource.Describe(kind, id, title, Profile);
                    var what = action(id);
                    if (!ConfirmChange(target, what, force))
                    {
                        continue;
                    }

                    try
                    {
                        var result = Run(cancel => change(editor, id, cancel));
                        if (result != null)
                        {
                            WriteObject(result);
                        }
                        else
                        {
                            WriteVerbose("Done: " + char.ToLowerInvariant(what[0]) + what.Substring(1) + ", " + target + ".");
                        }
                    }
                    catch (YtOAuthException e) when (ConcernsOnlyThisTarget(e))
                    {
                        Report(e);
                    }
                }
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        /// <summary>Whether a failure concerns only the target it met, so that the next one is still tried.</summary>
        protected virtual bool ConcernsOnlyThisTarget(YtOAuthException e) => e.ConcernsOnlyThisItem;

        /// <summary>
        /// A file path as PowerShell reads it (relative to the current location, ~ and PSDrives understood, no wildcards),
        /// as a path on disk; a clear error naming both when it is not a file there. The engine resolves against the
        /// process's directory, which in PowerShell is rarely the current location.
        /// </summary>
        protected string ResolveFilePath(string path, string what)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception e) when (e is ItemNotFoundException || e is DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException || e is ArgumentException)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "'" + path + "' is not a path to " + what + ": " + e.Message, path, e);
            }

            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "'" + path + "' is on the " + provider.Name + " drive; give the path of " + what + " on disk.", path);
            }

            if (!System.IO.File.Exists(resolved))
            {
                var where = System.IO.Path.IsPathRooted(path) ? string.Empty : " (relative to the current location, " + SessionState.Path.CurrentFileSystemLocation.ProviderPath + ")";
                throw new YtOAuthException(ErrorCode.InvalidArgument, System.IO.Directory.Exists(resolved)
                    ? "'" + resolved + "' is a folder; give the path of " + what + " in it."
                    : "There is no file '" + resolved + "'" + where + ". Give the path of " + what + ".", resolved);
            }

            return resolved;
        }

    }
}
