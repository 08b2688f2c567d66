using System;
using System.IO;
using System.Security.Cryptography;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// What makes a file the same file across runs: its full path, length, last write time, and a hash of its first and
    /// last MiB (so a file rewritten in place with the same length and a restored time still differs). Hashing the
    /// whole file would cost as much as reading it for the upload; the samples catch a re-render, a copy over it, a truncation.
    /// </summary>
    internal sealed class FileIdentity
    {
        private const int Sample = 1024 * 1024;

        private FileIdentity(string path, long length, DateTime lastWriteUtc, string sampleSha256)
        {
            Path = path;
            Length = length;
            LastWriteUtc = lastWriteUtc;
            SampleSha256 = sampleSha256;
        }

        public string Path { get; }
        public long Length { get; }
        public DateTime LastWriteUtc { get; }
        public string SampleSha256 { get; }

        /// <summary>Reads the identity of the file at <paramref name="path"/>; a clear error when it cannot be read.</summary>
        public static FileIdentity Of(string path)
        {
            string full;
            try
            {
                full = System.IO.Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "'" + path + "' is not a valid file path.", path, e);
            }

            try
            {
                var info = new FileInfo(full);
                if (!info.Exists)
                {
                    throw new YtOAuthException(ErrorCode.InvalidArgument, "The video file '" + full + "' does not exist. Check the path.", full);
                }

                using (var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096))
                using (var sha = SHA256.Create())
                {
                    var length = file.Length;
                    var head = new byte[(int)Math.Min(Sample, length)];
                    ReadFully(file, head);
                    sha.TransformBlock(head, 0, head.Length, null, 0);
                    if (length > Sample)
                    {
                        var tail = new byte[(int)Math.Min(Sample, length - Sample)];
                        file.Seek(length - tail.Length, SeekOrigin.Begin);
                        ReadFully(file, tail);
                        sha.TransformBlock(tail, 0, tail.Length, null, 0);
                    }

                    sha.TransformFinalBlock(new byte[0], 0, 0);
                    return new FileIdentity(full, length, File.GetLastWriteTimeUtc(full), Hex(sha.Hash!));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The video file '" + full + "' cannot be read: " + e.Message, full, e);
            }
        }

        /// <summary>Whether <paramref name="pending"/> was started from this very file.</summary>
        public bool Matches(PendingUpload pending) =>
            string.Equals(pending.Path, Path, StringComparison.Ordinal) && pending.Length == Length && pending.LastWriteUtc == LastWriteUtc &&
            string.Equals(pending.SampleSha256, SampleSha256, StringComparison.Ordinal);

        /// <summary>Fails when the file's length or write time moved since this identity was read: it is being changed under the upload.</summary>
        public void RequireUnchanged()
        {
            var info = new FileInfo(Path);
            if (!info.Exists || info.Length != Length || info.LastWriteTimeUtc != LastWriteUtc)
            {
                throw Changed();
            }
        }

        public YtOAuthException Changed() => new YtOAuthException(ErrorCode.InvalidArgument,
            "The video file '" + Path + "' changed while it was being uploaded, so the upload was stopped before YouTube could make a video of it; " +
            "the unfinished upload was dropped. Run the command again once the file is final: it starts a new upload.", Path);

        public static string Hex(byte[] bytes) => BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();

        private static void ReadFully(Stream stream, byte[] buffer)
        {
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    throw new IOException("the file ended early");
                }

                read += n;
            }
        }
    }
}
