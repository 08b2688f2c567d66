using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace YtOAuth.Engine.Tokens
{
    /// <summary>
    /// One JSON file per profile in a folder that only the owner can read (0700 folder, 0600 files on Unix).
    /// Writes go to a temporary file, are flushed to disk, then renamed over the old file, so a crash at any
    /// point leaves either the old record or the new one, never a torn one.
    /// </summary>
    public sealed class FileTokenStore : ITokenStore
    {
        private const string Extension = ".token.json";
        private readonly string folder;

        /// <summary>Uses (and creates) <paramref name="folder"/>.</summary>
        public FileTokenStore(string folder)
        {
            this.folder = Path.GetFullPath(folder);
        }

        /// <summary>
        /// The default folder: $XDG_CONFIG_HOME/ytoauth, ~/.config/ytoauth or %APPDATA%\YtOAuth. A relative
        /// XDG_CONFIG_HOME is ignored, as the XDG Base Directory specification says (it would move with the working folder).
        /// </summary>
        public static string DefaultFolder()
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "YtOAuth");
            }

            return Path.Combine(string.IsNullOrEmpty(xdg) || !Path.IsPathRooted(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config") : xdg!, "ytoauth");
        }

        /// <inheritdoc />
        public string Description => "folder " + folder;

        /// <inheritdoc />
        public Task<TokenRecord?> ReadAsync(string profile, CancellationToken cancellationToken)
        {
            var path = RecordPath(profile);
            string json;
            try
            {
                json = File.ReadAllText(path, Encoding.UTF8);
            }
            catch (FileNotFoundException)
            {
                return Task.FromResult<TokenRecord?>(null);
            }
            catch (DirectoryNotFoundException)
            {
                return Task.FromResult<TokenRecord?>(null);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new YtOAuthException(ErrorCode.StoreError, "The token file '" + path + "' could not be read (" + e.GetType().Name + "). Check its permissions.", path, e);
            }

            return Task.FromResult<TokenRecord?>(TokenRecord.Deserialize(json, profile, "token file '" + path + "'"));
        }

        /// <inheritdoc />
        public Task WriteAsync(TokenRecord record, CancellationToken cancellationToken)
        {
            var path = RecordPath(record.Profile);
            EnsureFolder();
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Restrict before the secret is written, not after.
                    Restrict(temp, 0x180); // 0600
                    var bytes = new UTF8Encoding(false).GetBytes(record.Serialize());
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }

                if (File.Exists(path))
                {
                    File.Replace(temp, path, null);
                }
                else
                {
                    File.Move(temp, path);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw new YtOAuthException(ErrorCode.StoreError, "The token file '" + path + "' could not be written (" + e.GetType().Name + "); the previous record is unchanged. Check the disk and the folder's permissions.", path, e);
            }

            return Task.CompletedTask;
        }

        /// <inheritdoc />
        public Task<bool> DeleteAsync(string profile, CancellationToken cancellationToken)
        {
            var path = RecordPath(profile);
            try
            {
                if (!File.Exists(path))
                {
                    return Task.FromResult(false);
                }

                File.Delete(path);
                return Task.FromResult(true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new YtOAuthException(ErrorCode.StoreError,
                    "The token file '" + path + "' could not be removed (" + e.GetType().Name + "). Check the folder's permissions, then remove it by hand or run the command again.", path, e);
            }
        }

        /// <inheritdoc />
        public Task<IReadOnlyList<string>> ListProfilesAsync(CancellationToken cancellationToken)
        {
            if (!Directory.Exists(folder))
            {
                return Task.FromResult<IReadOnlyList<string>>(new string[0]);
            }

            var names = ProfileName.FromStoredNames(Directory.GetFiles(folder, "*" + Extension).Select(Path.GetFileName), string.Empty, Extension);
            return Task.FromResult(names);
        }

        /// <inheritdoc />
        public Task<IDisposable> LockAsync(string profile, CancellationToken cancellationToken)
        {
            // The folder is made private here too: the lock is taken before every read that may lead to a write.
            return FileLock.ForProfileAsync(folder, profile, cancellationToken);
        }

        /// <summary>Sets Unix permission bits; a no-op on Windows, where the user profile folder is already private.</summary>
        internal static void Restrict(string path, int mode)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && chmod(path, mode) != 0)
            {
                throw new IOException("chmod failed with errno " + Marshal.GetLastWin32Error() + " for '" + path + "'");
            }
        }

        /// <summary>
        /// The permission bits of an existing folder, or null when there is none. On Windows, where the bits are not
        /// used, they read as 0700. netstandard2.0 has no File.GetUnixFileMode, but every runtime the module and the CLI
        /// run on outside Windows has it (.NET 7 and later); on an older one the bits read as 0700 too, so nothing changes.
        /// </summary>
        internal static int? UnixMode(string path)
        {
            if (!Directory.Exists(path))
            {
                return null;
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || GetUnixFileMode == null)
            {
                return 0x1C0;
            }

            try
            {
                return Convert.ToInt32(GetUnixFileMode.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is IOException || e.InnerException is UnauthorizedAccessException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
        }

        private static readonly System.Reflection.MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        private string RecordPath(string profile) => Path.Combine(folder, ProfileName.Validate(profile) + Extension);

        // Private to this user even when it already existed (a folder left 0777 would let another local user replace
        // a record or hold the lock files, which live only in here).
        private void EnsureFolder() => FileLock.EnsurePrivateFolder(folder);

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, int mode);
    }
}
