using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Features;

namespace YtOAuth.Emulator;

// One file over 300 lines on purpose: the protocol's two steps (open a session, send and ask) and every check Google
// makes of them read top to bottom in the order of Google's guide.
/// <summary>
/// videos.insert as a resumable upload, Google's protocol (YouTube Data API "Resumable uploads" guide): a POST with
/// the metadata opens a session and answers its URI in Location; PUTs to that URI carry the bytes, in one piece or in
/// chunks of a multiple of 256 KiB, each answered 308 with the Range committed until the last, which makes the video;
/// a PUT with "Content-Range: bytes */N" and no body asks how far it got. The bytes go to a file per session, never
/// into memory, and only their length and SHA-256 are kept.
/// </summary>
internal static class UploadEndpoints
{
    /// <summary>The discovery document's mediaUpload.maxSize for videos.insert: 256 GiB.</summary>
    public const long MaxVideoBytes = 274_877_906_944;

    /// <summary>Google commits resumable uploads in blocks of 256 KiB; every chunk but the last is a multiple of it.</summary>
    public const int Block = 262_144;

    private static readonly Regex ChunkRange = new(@"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$", RegexOptions.CultureInvariant);
    private static readonly Regex QueryRange = new(@"^bytes \*/(\d{1,15})$", RegexOptions.CultureInvariant);

    public static void Map(WebApplication app, GoogleEmulator emulator)
    {
        // The guide's address, and the discovery document's resumable path; the session URI is always the first.
        foreach (var path in new[] { "/upload/youtube/v3/videos", "/resumable/upload/youtube/v3/videos" })
        {
            app.MapPost(path, context => StartAsync(context, emulator));
            app.MapPut(path, context => PutAsync(context, emulator));
        }
    }

    /// <summary>Step 1: the session. Charged as videos.insert (1,600 units) here, once; its chunks cost nothing more.</summary>
    private static async Task StartAsync(HttpContext context, GoogleEmulator emulator)
    {
        var caller = await ApiCall.BeginAsync(context, emulator, "videos.insert", 1600, ApiResponses.UploadScopes, needsPart: true, needsUser: true);
        if (caller == null)
        {
            return;
        }

        var q = context.Request.Query;
        if (q["uploadType"] != "resumable")
        {
            // Google also takes uploadType=media and multipart; the emulator serves the resumable protocol alone, and
            // says so rather than take bytes it would not check the way the engine sends them.
            await ApiResponses.Error(context, 400, "badRequest", "global",
                "The emulator takes videos.insert as a resumable upload only: POST with uploadType=resumable.", "uploadType", locationType: "parameter");
            return;
        }

        var parts = DataApiEndpoints.Parts(q["part"]);
        if (ApiError.UnknownPart(parts, VideoMetadata.KnownParts) is { } unknown)
        {
            await unknown.SendAsync(context);
            return;
        }

        var headers = context.Request.Headers;
        if (!long.TryParse(headers["X-Upload-Content-Length"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            // Google lets the size come later (Content-Range ".../*"); the emulator needs it up front, and says which header.
            await ApiResponses.Error(context, 400, "badRequest", "global",
                "X-Upload-Content-Length must give the video's size in bytes.", "X-Upload-Content-Length");
            return;
        }

        if (total > MaxVideoBytes)
        {
            // The wording of Google's upload front end for a file over the method's maxSize.
            await ApiResponses.Error(context, 413, "uploadTooLarge", "global", "Media larger than: " + MaxVideoBytes.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (total == 0)
        {
            await ApiResponses.Error(context, 400, "mediaBodyRequired", "youtube.video", "The request does not include the video content.");
            return;
        }

        var type = headers["X-Upload-Content-Type"].ToString().Split(';')[0].Trim().ToLowerInvariant();
        if (!(type.StartsWith("video/", StringComparison.Ordinal) && type.Length > 6) && type != "application/octet-stream")
        {
            // The discovery document's mediaUpload.accept; the emulator wants the header, which the guide tells clients to send.
            await ApiResponses.Error(context, 400, "badContent", "global",
                "Media type '" + type + "' is not supported. Valid media types: [video/*, application/octet-stream]");
            return;
        }

        var (body, parseError) = await JsonBody.ReadAsync(context);
        var (metadata, error) = body == null ? (null, parseError) : VideoMetadata.From(body, parts, update: false, emulator.UtcNow);
        if (metadata == null)
        {
            await error!.SendAsync(context);
            return;
        }

        var session = emulator.Uploads.Start(caller.Grant!.ChannelId, q["part"].ToString(), metadata, total, type, emulator.UtcNow + emulator.Settings.UploadSessionLifetime);
        var part = string.Join(',', q["part"].ToString().Split(',').Select(Uri.EscapeDataString));
        context.Response.StatusCode = 200;
        context.Response.Headers.Location = emulator.BaseUri + "upload/youtube/v3/videos?uploadType=resumable&upload_id=" + session.Id + "&part=" + part;
        context.Response.Headers["X-GUploader-UploadID"] = session.Id;
        context.Response.ContentLength = 0;
    }

    /// <summary>A chunk, the whole file, or a status query, on a session URI (which authorises by itself).</summary>
    private static async Task PutAsync(HttpContext context, GoogleEmulator emulator)
    {
        // A chunk is as large as the client likes (the whole file in one PUT, even): lift Kestrel's 30 MB request limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        // The session URI is the credential; a token sent along must still be alive (and may upload), as Google checks it.
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            var token = ApiResponses.LiveToken(emulator, header);
            if (token == null || !token.Grant.Scopes.Any(ApiResponses.UploadScopes.Contains))
            {
                await DrainAsync(context);
                await (token == null ? ApiResponses.AuthError(context)
                    : ApiResponses.Error(context, 403, "insufficientPermissions", "global", "Request had insufficient authentication scopes."));
                return;
            }
        }

        var range = ParseRange(context);
        emulator.Counters.Add(range is { Query: true } ? "upload:status" : "upload:chunk");
        var session = emulator.Uploads.Find(context.Request.Query["upload_id"].ToString(), emulator.UtcNow);
        if (session == null)
        {
            await DrainAsync(context);
            await NotFoundAsync(context);
            return;
        }

        if (range == null)
        {
            await DrainAsync(context);
            await ApiResponses.Error(context, 400, "badRequest", "global",
                "Failed to parse Content-Range header: send 'bytes FIRST-LAST/TOTAL' with a chunk, 'bytes */TOTAL' with an empty body to ask, or none with the whole file.");
            return;
        }

        try
        {
            await session.Gate.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            if (session.Lost)
            {
                await DrainAsync(context);
                await NotFoundAsync(context);
            }
            else if (range.Value.Query)
            {
                if (range.Value.Total != session.Total || context.Request.ContentLength > 0)
                {
                    await DrainAsync(context);
                    await ApiResponses.Error(context, 400, "badRequest", "global",
                        $"A status query is an empty PUT with Content-Range: bytes */{session.Total} (the size given in X-Upload-Content-Length).");
                    return;
                }

                await AnswerStateAsync(context, emulator, session);
            }
            else
            {
                await ChunkAsync(context, emulator, session, range.Value);
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private static async Task ChunkAsync(HttpContext context, GoogleEmulator emulator, UploadSession session, ByteRange range)
    {
        var fault = emulator.Faults.Next(FaultTarget.Upload);
        var delay = emulator.Settings.UploadChunkDelay + (fault?.Delay ?? TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await emulator.DelayAsync(delay, context);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting: nothing of the chunk was taken
            }
        }

        if (fault is { LoseSession: true })
        {
            emulator.Uploads.Lose(session);
            await DrainAsync(context);
            await NotFoundAsync(context);
            return;
        }

        if (fault is { DropConnection: true, DropAfterBytes: null, Body: null })
        {
            context.Abort();
            return;
        }

        if (fault is { DropAfterBytes: null } && (fault.Status != 0 || fault.Body != null))
        {
            // Refused as a whole (503 backendError, 401 ...): nothing of this chunk is committed.
            await DrainAsync(context);
            await FaultInjection.AnswerAsync(context, fault, FaultTarget.Upload);
            return;
        }

        var length = range.End - range.Start + 1;
        // Google's answer to a range that does not follow on is not documented; the emulator refuses it (400) and names
        // the offset to ask for, where Google's servers may instead take the overlap or answer 308 with what they hold.
        var problem =
            range.Total != session.Total ? $"The upload is {session.Total} bytes (X-Upload-Content-Length), not {range.Total}." :
            range.Start != session.Committed ? $"The chunk starts at byte {range.Start} but {session.Committed} bytes are committed: ask with 'Content-Range: bytes */{session.Total}' and go on from there." :
            range.End < range.Start || range.End >= range.Total ? "Content-Range names bytes outside the upload." :
            context.Request.ContentLength != length ? $"Content-Length must be the {length} bytes Content-Range names." :
            range.End != range.Total - 1 && length % Block != 0 ? $"Every chunk but the last must be a multiple of 262144 bytes (256 KiB); this one is {length}." :
            null;
        if (problem != null)
        {
            await DrainAsync(context);
            await ApiResponses.Error(context, 400, "badRequest", "global", problem);
            return;
        }

        var cut = fault?.DropAfterBytes is { } after ? Math.Min(after, length) : length;
        var received = await ReceiveAsync(context, session, length, cut);
        if (received < length)
        {
            // What arrived is kept in whole 256 KiB blocks, as Google's servers commit it; the client asks and resumes.
            session.Committed += received / Block * Block;
            context.Abort();
            return;
        }

        if (session.Lost)
        {
            await NotFoundAsync(context); // forgotten while its bytes came in (the control to lose every session)
            return;
        }

        session.Committed += length;
        if (session.Committed == session.Total)
        {
            await FinishAsync(emulator, session);
        }

        if (fault?.DropAfterBytes != null)
        {
            context.Abort(); // all of it arrived, and the answer is lost on the way back
            return;
        }

        await AnswerStateAsync(context, emulator, session);
    }

    /// <summary>
    /// Streams up to <paramref name="cut"/> bytes of the body to the session's file at the committed offset; when fewer
    /// than <paramref name="length"/> arrive, the file keeps whole blocks only. Returns the bytes that arrived.
    /// </summary>
    private static async Task<long> ReceiveAsync(HttpContext context, UploadSession session, long length, long cut)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        long received = 0;
        try
        {
            await using var file = new FileStream(session.FilePath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 0, FileOptions.Asynchronous);
            file.SetLength(session.Committed);
            file.Position = session.Committed;
            while (received < cut)
            {
                int n;
                try
                {
                    n = await context.Request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, cut - received)), context.RequestAborted);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    break; // the client's connection broke
                }

                if (n == 0)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, n));
                received += n;
            }

            if (received < length)
            {
                file.SetLength(session.Committed + received / Block * Block);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (session.Lost)
        {
            UploadStore.DeleteFile(session.FilePath); // lost while this chunk came in
        }

        return received;
    }

    /// <summary>The last byte is in: hash the file, delete it, make the video, first in the channel's uploads.</summary>
    private static async Task FinishAsync(GoogleEmulator emulator, UploadSession session)
    {
        string sha256;
        await using (var file = new FileStream(session.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file));
        }

        var now = emulator.UtcNow;
        var draft = new EmulatedVideo(YouTubeData.NewId("", 11), session.ChannelId, session.Metadata.Title, now, 0, 0, 0, "P0D", "public")
        {
            Media = new UploadedMedia(session.Total, sha256, session.ContentType, now),
        };
        var video = session.Metadata.Apply(draft);
        emulator.Data.AddUpload(video);
        emulator.Uploads.Complete(session, video);
    }

    /// <summary>308 with the committed Range while the upload is open; the video once it is complete.</summary>
    private static Task AnswerStateAsync(HttpContext context, GoogleEmulator emulator, UploadSession session)
    {
        if (session.Video != null)
        {
            // The YouTube resumable-upload guide answers the finished upload "201 Created" with the video resource
            // (Google's upload guides keep 200 OK for a session that updates an existing resource): 201 here, also to a
            // status query after the end. Clients should take either.
            var current = emulator.Data.Video(session.Video.Id) ?? session.Video;
            return ApiResponses.Send(context, 201, VideoResource.Render(emulator, current, DataApiEndpoints.Parts(session.Part), owner: true));
        }

        // "308 Resume Incomplete": Range is what the server holds, and is left out while it holds nothing. Google's
        // reason phrase, not HTTP's "Permanent Redirect"; there is no Location, so no client follows it.
        context.Response.StatusCode = 308;
        if (context.Features.Get<IHttpResponseFeature>() is { } response)
        {
            response.ReasonPhrase = "Resume Incomplete";
        }

        if (session.Committed > 0)
        {
            context.Response.Headers.Range = "bytes=0-" + (session.Committed - 1).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>
    /// An unknown, expired or lost session: 404, and the guide's remedy is to start the upload again. Google's body
    /// here is not documented; the emulator sends its usual error object.
    /// </summary>
    private static Task NotFoundAsync(HttpContext context) =>
        ApiResponses.Error(context, 404, "notFound", "global", "The upload session was not found or has expired. Start the upload again with a new session.");

    /// <summary>Reads and drops the rest of the body, so a refusal reaches a client still sending instead of a reset connection.</summary>
    internal static async Task DrainAsync(HttpContext context)
    {
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // the client left
        }
    }

    /// <summary>The Content-Range of a PUT; none means the whole file in one piece; null when it cannot be read.</summary>
    private static ByteRange? ParseRange(HttpContext context)
    {
        var header = context.Request.Headers.ContentRange.ToString().Trim();
        if (header.Length == 0)
        {
            var length = context.Request.ContentLength ?? 0;
            return length > 0 ? new ByteRange(0, length - 1, length, false) : null;
        }

        if (QueryRange.Match(header) is { Success: true } query)
        {
            return new ByteRange(0, -1, long.Parse(query.Groups[1].Value, CultureInfo.InvariantCulture), true);
        }

        if (ChunkRange.Match(header) is { Success: true } chunk)
        {
            return new ByteRange(long.Parse(chunk.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(chunk.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(chunk.Groups[3].Value, CultureInfo.InvariantCulture), false);
        }

        return null;
    }

    /// <summary>A chunk's first and last byte and the upload's total; Query: "bytes */TOTAL".</summary>
    private readonly record struct ByteRange(long Start, long End, long Total, bool Query);
}
