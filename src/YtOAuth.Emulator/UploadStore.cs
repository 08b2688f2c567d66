using System.Collections.Concurrent;

namespace YtOAuth.Emulator;

/// <summary>
/// Resumable upload sessions and what they made, for assertions: how many started and completed, and each finished
/// video's length and SHA-256 (the bytes go to a temporary file per session and are deleted once hashed).
/// </summary>
public sealed class UploadStore : IDisposable
{
    private readonly ConcurrentDictionary<string, UploadSession> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<UploadedVideo> videos = new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "ytoauth-emulator-uploads-" + Guid.NewGuid().ToString("N"));
    private int started;
    private int completed;

    /// <summary>Upload sessions started (videos.insert answered with a session URI).</summary>
    public int SessionsStarted => Volatile.Read(ref started);

    /// <summary>Upload sessions that received their last byte and made a video.</summary>
    public int SessionsCompleted => Volatile.Read(ref completed);

    /// <summary>Every video uploaded, in the order they completed.</summary>
    public IReadOnlyList<UploadedVideo> Videos => videos.ToArray();

    /// <summary>Sessions neither completed, lost nor expired.</summary>
    public IReadOnlyList<UploadSessionState> OpenSessions =>
        sessions.Values.Where(s => s.Video == null && !s.Lost).Select(s => new UploadSessionState(s.Id, s.Committed, s.Total)).ToList();

    /// <summary>Forgets every session, open or done, as if Google had lost them: their URIs answer 404. Returns how many.</summary>
    public int LoseSessions()
    {
        var count = 0;
        foreach (var session in sessions.Values.ToList())
        {
            Lose(session);
            count++;
        }

        return count;
    }

    internal UploadSession Start(string channelId, string part, VideoMetadata metadata, long total, string contentType, DateTime expiresUtc)
    {
        Directory.CreateDirectory(folder);
        var id = YouTubeData.NewId("", 40);
        var session = new UploadSession
        {
            Id = id, ChannelId = channelId, Part = part, Metadata = metadata, Total = total, ContentType = contentType,
            FilePath = Path.Combine(folder, id + ".part"), ExpiresUtc = expiresUtc,
        };
        sessions[id] = session;
        Interlocked.Increment(ref started);
        return session;
    }

    /// <summary>The session behind an upload_id; null when unknown, lost or expired (an expired one is dropped then).</summary>
    internal UploadSession? Find(string id, DateTime now)
    {
        if (!sessions.TryGetValue(id, out var session) || session.Lost)
        {
            return null;
        }

        if (session.ExpiresUtc <= now)
        {
            Lose(session);
            return null;
        }

        return session;
    }

    internal void Lose(UploadSession session)
    {
        session.Lost = true;
        sessions.TryRemove(session.Id, out _);
        DeleteFile(session.FilePath);
    }

    internal void Complete(UploadSession session, EmulatedVideo video)
    {
        session.Video = video;
        videos.Enqueue(new UploadedVideo(video.Id, video.Title, video.Media!.ByteLength, video.Media.Sha256, video.ChannelId, video.Media.CompletedUtc));
        Interlocked.Increment(ref completed);
        DeleteFile(session.FilePath);
    }

    internal static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // still open in a chunk being taken in: that request deletes it when it sees the session lost
        }
    }

    /// <summary>Deletes what partial uploads left on disk.</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a file still open as the host stops; the temp folder is the system's to clean
        }
    }
}
