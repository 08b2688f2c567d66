using System;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>How far an upload has got, reported as bytes go out.</summary>
    public sealed class UploadProgress
    {
        internal UploadProgress(string path, long bytesSent, long totalBytes, long resumedFrom, double bytesPerSecond)
        {
            Path = path;
            BytesSent = bytesSent;
            TotalBytes = totalBytes;
            ResumedFrom = resumedFrom;
            BytesPerSecond = bytesPerSecond;
        }

        /// <summary>The file.</summary>
        public string Path { get; }
        /// <summary>Bytes of the file sent so far (those YouTube had already, when resumed, included).</summary>
        public long BytesSent { get; }
        /// <summary>The file's length.</summary>
        public long TotalBytes { get; }
        /// <summary>Where this run started: bytes YouTube had confirmed from an earlier, interrupted run (0 for a new upload).</summary>
        public long ResumedFrom { get; }
        /// <summary>The rate over this run, in bytes per second.</summary>
        public double BytesPerSecond { get; }
        /// <summary>Percent sent, 0 to 100.</summary>
        public int Percent => TotalBytes == 0 ? 100 : (int)(BytesSent * 100 / TotalBytes);
        /// <summary>Time left at the current rate, when there is one.</summary>
        public TimeSpan? TimeLeft => BytesPerSecond > 0 ? TimeSpan.FromSeconds((TotalBytes - BytesSent) / BytesPerSecond) : (TimeSpan?)null;

        /// <summary>One line: "512.0 MiB of 1.0 GiB (50%), 80.1 MiB/s, 6 s left".</summary>
        public override string ToString() =>
            Size(BytesSent) + " of " + Size(TotalBytes) + " (" + Percent + "%)" + (BytesPerSecond > 0 ? ", " + Size((long)BytesPerSecond) + "/s" : string.Empty) +
            (TimeLeft is TimeSpan left ? ", " + (left.TotalHours >= 1 ? (int)left.TotalHours + " h " + left.Minutes + " min" : left.TotalMinutes >= 1 ? (int)left.TotalMinutes + " min " + left.Seconds + " s" : (int)Math.Ceiling(left.TotalSeconds) + " s") + " left" : string.Empty) +
            (ResumedFrom > 0 ? ", resumed at " + Size(ResumedFrom) : string.Empty);

        /// <summary>A byte count in B, KiB, MiB or GiB.</summary>
        public static string Size(long bytes) =>
            bytes >= 1L << 30 ? (bytes / (double)(1L << 30)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " GiB"
            : bytes >= 1L << 20 ? (bytes / (double)(1L << 20)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB"
            : bytes >= 1L << 10 ? (bytes / (double)(1L << 10)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KiB"
            : bytes + " B";
    }
}
