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
        /// <summary>
        /// How long to wait for another holder before giving up: longer than the longest refresh the holder may
        /// legitimately be in (four attempts of up to 100 s each, plus back-off), so that a slow token endpoint makes
        /// the others wait, not fail. A holder that dies frees the lock at once.
        /// </summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(8);

        /// <summary>
        /// Creates <paramref name="folder"/> and makes it private to this user (0700), even when it already existed:
        /// lock files live only in such folders, so no other local user can hold a lock and block every refresh.
        /// </summary>
        public static void EnsurePrivateFolder(string folder)
        {
            try
            {
                Directory.CreateDirectory(folder);
                FileTokenStore.Restrict(folder, 0x1C0); // 0700
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new YtOAuthException(ErrorCode.StoreError,
                    "The folder '" + folder + "' cannot be created or made private to this user (" + e.Message + "). Use a folder you own.", folder, e);
            }
        }

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
