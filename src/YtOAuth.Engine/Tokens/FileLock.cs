using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// An exclusive lock between processes, held as an open lock file. .NET maps FileShare.None to an OS lock
    /// (flock on Unix, a share mode on Windows), which the OS releases when the holder dies, so a killed process
    /// never leaves the lock stuck. The file itself is never deleted: deleting would let two holders lock two
    /// different files of the same name.
    /// </summary>
    public static class FileLock
    {
        /// <summary>How long to wait for another holder before giving up.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

        /// <summary>Takes the lock at <paramref name="path"/>, waiting up to <paramref name="timeout"/>.</summary>
        public static async Task<IDisposable> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(25, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    throw new YtOAuthException(ErrorCode.StoreError,
                        "Another process has held the token lock '" + path + "' for over " + (int)timeout.TotalSeconds +
                        " seconds. If no other YtOAuth command is running, try again; the lock frees itself when its holder ends.", path, e);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new YtOAuthException(ErrorCode.StoreError, "The token lock '" + path + "' cannot be opened: access denied. Check the folder's permissions.", path, e);
                }
            }
        }
    }
}
