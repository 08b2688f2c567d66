using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// A request body that streams bytes [offset, offset + length) of a file, read afresh for each request with a small
    /// buffer: memory stays flat however large the file. Reports each write, so the sender can show progress and
    /// notice a stall. A file that ends early fails the request, so YouTube never completes a video from it.
    /// </summary>
    internal sealed class FileSliceContent : HttpContent
    {
        /// <summary>Size of the copy buffer a session lends its requests in turn (one at a time), so 1 GiB costs no more memory than 10 MiB.</summary>
        public const int BufferSize = 256 * 1024;
        private readonly FileIdentity file;
        private readonly byte[] buffer;
        private readonly long offset;
        private readonly long length;
        private readonly Action<long> onSent;

        public FileSliceContent(FileIdentity file, long offset, long length, string mediaType, byte[] buffer, Action<long> onSent)
        {
            this.file = file;
            this.buffer = buffer;
            this.offset = offset;
            this.length = length;
            this.onSent = onSent;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            Headers.ContentLength = length;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            using (var source = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true))
            {
                if (source.Length != file.Length)
                {
                    throw file.Changed();
                }

                source.Seek(offset, SeekOrigin.Begin);
                var left = length;
                while (left > 0)
                {
                    var read = await source.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, left)).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw file.Changed();
                    }

                    await stream.WriteAsync(buffer, 0, read).ConfigureAwait(false);
                    left -= read;
                    onSent(length - left);
                }
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return true;
        }
    }
}
