using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Http;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Google's resumable upload protocol for one file (YouTube Data API "Resumable uploads"): open a session with the
    /// metadata, send the bytes in chunks with Content-Range, read "308 Resume Incomplete" and its Range as what the
    /// server holds, and after any failure ask (Content-Range: bytes */N) before sending more. Network errors, 5xx,
    /// 429 and stalls are retried with back-off while the server's offset moves; a 401 refreshes the token; a session
    /// the server no longer knows (404, 410) is <see cref="SessionGoneException"/>. Only the server's answer to the
    /// last byte makes the video.
    /// </summary>
    internal sealed class ResumableSession
    {
        /// <summary>Attempts in a row without the server's offset moving before the upload pauses (it resumes on a re-run).</summary>
        private const int AttemptsWithoutProgress = 6;

        private static readonly Regex RangeHeader = new Regex(@"^bytes=0-(\d+)$", RegexOptions.CultureInvariant);
        private readonly ApiClient api;
        private readonly FileIdentity file;
        private readonly string mediaType;
        private readonly int chunkSize;
        private readonly Func<long, Task> onConfirmed;
        private readonly Action<long> onSent;
        private readonly byte[] buffer = new byte[FileSliceContent.BufferSize];

        public ResumableSession(ApiClient api, FileIdentity file, int chunkSize, Func<long, Task> onConfirmed, Action<long> onSent)
        {
            this.api = api;
            this.file = file;
            this.chunkSize = chunkSize;
            this.onConfirmed = onConfirmed;
            this.onSent = onSent;
            mediaType = MediaTypeOf(file.Path);
        }

        /// <summary>Opens a session for the file with <paramref name="metadata"/>: its address. Costs videos.insert (1,600 units), and is not retried.</summary>
        public async Task<Uri> StartAsync(string part, JObject metadata, CancellationToken cancellationToken)
        {
            var endpoints = await api.EndpointsAsync(cancellationToken).ConfigureAwait(false);
            var uri = new Uri(endpoints.YouTubeUpload, "videos?uploadType=resumable&part=" + part);
            return await api.SendAsync(HttpMethod.Post, uri, () => new StringContent(metadata.ToString(Newtonsoft.Json.Formatting.None), System.Text.Encoding.UTF8, "application/json"),
                request =>
                {
                    request.Headers.Add("X-Upload-Content-Length", file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    request.Headers.Add("X-Upload-Content-Type", mediaType);
                }, file.Path, QuotaCosts.Of("videos.insert"), response =>
                {
                    var location = response.Headers.Location;
                    return Task.FromResult(location == null ? throw new YtOAuthException(ErrorCode.ServerError,
                            uri.Host + " opened no upload session (its answer had no Location). Try again later.", file.Path)
                        : location.IsAbsoluteUri ? location : new Uri(uri, location));
                }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Sends the file from the server's offset to the end and returns the video the server made of it. <paramref name="known"/>
        /// is the offset last confirmed (null: ask the server first, as after a restart).
        /// </summary>
        public async Task<JObject> SendAsync(Uri session, long? known, CancellationToken cancellationToken)
        {
            var failures = 0;
            var refreshed = false; // one refresh until the upload moves on: a second 401 before that is an error
            var refreshNow = false;
            var offset = known;
            var furthest = known ?? -1; // the most the server has confirmed: only moving past it counts as progress
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Answer answer;
                var refresh = refreshNow;
                refreshNow = false;
                try
                {
                    if (offset == null)
                    {
                        answer = await PutAsync(session, null, 0, refresh, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        file.RequireUnchanged();
                        var length = Math.Min(chunkSize, file.Length - offset.Value);
                        answer = await PutAsync(session, offset.Value, length, refresh, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (Exception e) when (Transient(e, cancellationToken))
                {
                    await PauseAsync(++failures, "the connection failed (" + e.GetBaseException().Message + ")", offset, cancellationToken).ConfigureAwait(false);
                    offset = null;
                    continue;
                }

                using (var response = answer.Response)
                {
                    var status = (int)response.StatusCode;
                    if (status == 200 || status == 201)
                    {
                        await onConfirmed(file.Length).ConfigureAwait(false);
                        return await GoogleHttp.ReadJsonAsync(response, session).ConfigureAwait(false);
                    }

                    if (status == 308)
                    {
                        var confirmed = Confirmed(response);
                        if (confirmed > furthest)
                        {
                            failures = 0;
                            furthest = confirmed;
                            refreshed = false;
                        }

                        if (confirmed >= file.Length)
                        {
                            // Every byte is there but the server did not say so yet: ask again, sending nothing twice.
                            offset = null;
                            await PauseAsync(++failures, "the server holds every byte but made no video yet", confirmed, cancellationToken).ConfigureAwait(false);
                            continue;
                        }

                        offset = confirmed;
                        await onConfirmed(confirmed).ConfigureAwait(false);
                        continue;
                    }

                    if (status == 401 && !refreshed)
                    {
                        EngineLog.Verbose("HTTP 401 on the upload session; refreshing the access token and asking where it stands.");
                        refreshed = true;
                        refreshNow = true;
                        offset = null;
                        continue;
                    }

                    if (status == 404 || status == 410)
                    {
                        throw new SessionGoneException();
                    }

                    if (RetryPolicy.IsTransient(response.StatusCode))
                    {
                        var wait = RetryPolicy.RetryAfter(response);
                        await PauseAsync(++failures, "the server answered HTTP " + status, offset, cancellationToken, wait).ConfigureAwait(false);
                        offset = null;
                        continue;
                    }

                    throw await api.ErrorAsync(response, file.Path, session, answer.Scopes).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The media type to declare, from the file's extension; YouTube reads the container itself, so octet-stream serves for the rest.</summary>
        internal static string MediaTypeOf(string path)
        {
            switch (System.IO.Path.GetExtension(path).ToLowerInvariant())
            {
                case ".mp4": case ".m4v": return "video/mp4";
                case ".mov": return "video/quicktime";
                case ".webm": return "video/webm";
                case ".mkv": return "video/x-matroska";
                case ".avi": return "video/x-msvideo";
                case ".wmv": return "video/x-ms-wmv";
                case ".flv": return "video/x-flv";
                case ".mpg": case ".mpeg": return "video/mpeg";
                case ".3gp": return "video/3gpp";
                default: return "application/octet-stream";
            }
        }

        /// <summary>One PUT: a chunk from <paramref name="offset"/>, or (offset null) an empty status query. Watched for stalls.</summary>
        private async Task<Answer> PutAsync(Uri session, long? offset, long length, bool refresh, CancellationToken cancellationToken)
        {
            var token = await api.TokenWithScopesAsync(refresh, cancellationToken).ConfigureAwait(false);
            var stall = api.Http.Timeout;
            using (var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                watch.CancelAfter(stall);
                var request = new HttpRequestMessage(HttpMethod.Put, session);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
                if (offset is long start)
                {
                    request.Content = new FileSliceContent(file, start, length, mediaType, buffer, sent =>
                    {
                        watch.CancelAfter(stall); // bytes moved: the request is alive
                        onSent(start + sent);
                    });
                    request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, file.Length);
                }
                else
                {
                    request.Content = new ByteArrayContent(new byte[0]);
                    request.Content.Headers.ContentRange = ContentRangeHeaderValue.Parse("bytes */" + file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                try
                {
                    var response = await api.Http.Uploads.SendAsync(request, HttpCompletionOption.ResponseContentRead, watch.Token).ConfigureAwait(false);
                    return new Answer(response, token.Scopes);
                }
                catch (Exception e) when (Find<YtOAuthException>(e) is YtOAuthException ours)
                {
                    throw ours; // the file changed under the upload: not a network error
                }
            }
        }

        private async Task PauseAsync(int failures, string why, long? offset, CancellationToken cancellationToken, TimeSpan? retryAfter = null)
        {
            if (failures > AttemptsWithoutProgress)
            {
                throw new YtOAuthException(ErrorCode.NetworkError,
                    "The upload of '" + file.Path + "' stopped: " + why + ", " + AttemptsWithoutProgress + " times without getting further. " +
                    (offset > 0 ? "YouTube holds " + UploadProgress.Size(offset.Value) + " of " + UploadProgress.Size(file.Length) + ". " : string.Empty) +
                    "Check the network connection, then run the same command again: it continues where YouTube stopped.", file.Path);
            }

            if (retryAfter > api.Http.Retry.MaxRetryAfter)
            {
                // The shared retry rule: a wait longer than this is not sat out; the upload is kept for a later run.
                throw new YtOAuthException(ErrorCode.ServerError,
                    "The upload of '" + file.Path + "' stopped: " + why + " and asked to wait " + (int)retryAfter.Value.TotalSeconds + " s. " +
                    "Run the same command again later: it continues where YouTube stopped.", file.Path);
            }

            var wait = retryAfter ?? api.Http.Retry.Backoff(failures - 1);
            EngineLog.Verbose("Upload paused: " + why + "; asking where it stands in " + (int)wait.TotalMilliseconds + " ms (attempt " + failures + " of " + AttemptsWithoutProgress + ").");
            await api.Http.Retry.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The bytes the server holds, from the Range of a 308 (none: nothing yet).</summary>
        private static long Confirmed(HttpResponseMessage response)
        {
            var header = response.Headers.TryGetValues("Range", out var values) ? values.FirstOrDefault() : null;
            var match = header == null ? null : RangeHeader.Match(header.Trim());
            return match != null && match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : 0;
        }

        private static bool Transient(Exception e, CancellationToken cancellationToken) =>
            Find<YtOAuthException>(e) == null && RetryPolicy.IsNetworkFailure(e, cancellationToken);

        private static T? Find<T>(Exception? e) where T : Exception
        {
            for (; e != null; e = e.InnerException)
            {
                if (e is T found)
                {
                    return found;
                }
            }

            return null;
        }

        private readonly struct Answer
        {
            public Answer(HttpResponseMessage response, System.Collections.Generic.IReadOnlyList<string> scopes)
            {
                Response = response;
                Scopes = scopes;
            }

            public HttpResponseMessage Response { get; }

            public System.Collections.Generic.IReadOnlyList<string> Scopes { get; }
        }
    }

    /// <summary>The server no longer knows the upload session (404 or 410): it expired or was lost; only a new one can go on.</summary>
    internal sealed class SessionGoneException : Exception
    {
    }
}
