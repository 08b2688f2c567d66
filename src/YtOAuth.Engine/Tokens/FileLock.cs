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
        /// Creates <paramref name="folder"/> (0700) or makes an existing one private to this user by taking away what
        /// group and others may do: lock files live only in such folders, so no other local user can hold a lock and
        /// block every refresh. The owner's own bits are never widened: a folder the user made read-only is refused,
        /// not quietly made writable.
        /// </summary>
        public static void EnsurePrivateFolder(string folder)
        {
            try
            {
                var mode = FileTokenStore.UnixMode(folder);
                if (mode == null)
                {
                    Directory.CreateDirectory(folder);
                    FileTokenStore.Restrict(folder, 0x1C0); // 0700
                    return;
                }

                if ((mode.Value & 0x1C0) != 0x1C0) // owner read, write and search (0700)
                {
                    throw new YtOAuthException(ErrorCode.StoreError,
                        "The folder '" + folder + "' is read-only or closed to its owner (mode " + Convert.ToString(mode.Value & 0xFFF, 8).PadLeft(4, '0') + "); YtOAuth keeps its lock and token files in it, " +
                        "so it was left as it is. Make it writable for yourself (chmod 700), or use another folder.", folder);
                }

                if ((mode.Value & 0x3F) != 0) // any group or other bit
                {
                    FileTokenStore.Restrict(folder, mode.Value & 0x1C0);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new YtOAuthException(ErrorCode.StoreError,
                    "The folder '" + folder + "' cannot be created or made private to this user (" + e.Message + "). Use a folder you own.", folder, e);
            }
        }

        /// <summary>
        /// The refresh lock of one profile, as every token store takes it: a lock file named after the profile (and
        /// whatever else <paramref name="qualifier"/> adds) in a private <paramref name="folder"/>.
        /// </summary>
        public static Task<IDisposable> ForProfileAsync(string folder, string profile, CancellationToken cancellationToken, string qualifier = "")
        {
            EnsurePrivateFolder(folder);
            return AcquireAsync(Path.Combine(folder, qualifier + ProfileName.Validate(profile) + ".lock"), DefaultTimeout, cancellationToken);
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
