using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>What one publish asks for, checked and fixed before anything is sent.</summary>
    internal sealed class UploadPlan
    {
        public FileIdentity File { get; private set; } = null!;
        public JObject Metadata { get; private set; } = null!;
        public string Part { get; private set; } = string.Empty;
        public string RequestSha256 { get; private set; } = string.Empty;
        public int ChunkSize { get; private set; }
        public DateTime Now { get; private set; }

        public static UploadPlan Of(VideoUpload upload, DateTime now)
        {
            if (string.IsNullOrWhiteSpace(upload.Path))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "Give the path of the video file to upload.");
            }

            if (upload.ChunkSize < VideoUpload.ChunkGranularity || upload.ChunkSize % VideoUpload.ChunkGranularity != 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "The chunk size " + upload.ChunkSize + " is not a multiple of 256 KiB (262,144 bytes), as YouTube requires. Use 8 MiB, 32 MiB or the like.", "ChunkSize");
            }

            var metadata = VideoMetadata.ForInsert(upload);
            if (upload.ThumbnailPath != null)
            {
                YouTubeEditor.ReadThumbnail(upload.ThumbnailPath); // a bad thumbnail fails now, not after the upload
            }

            var file = FileIdentity.Of(upload.Path);
            if (file.Length == 0)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The video file '" + file.Path + "' is empty; there is nothing to upload.", file.Path);
            }

            if (file.Length > 274_877_906_944)
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument, "The video file '" + file.Path + "' is larger than the 256 GiB YouTube accepts.", file.Path);
            }

            var asked = metadata.ToString(Newtonsoft.Json.Formatting.None) + "\n" + upload.PlaylistId + "\n" +
                        (upload.ThumbnailPath == null ? string.Empty : System.IO.Path.GetFullPath(upload.ThumbnailPath));
            using (var sha = SHA256.Create())
            {
                return new UploadPlan
                {
                    File = file,
                    Metadata = metadata,
                    Part = string.Join(",", metadata.Properties().Select(p => p.Name)),
                    RequestSha256 = FileIdentity.Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(asked))),
                    ChunkSize = upload.ChunkSize,
                    Now = now,
                };
            }
        }
    }
}
