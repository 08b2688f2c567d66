using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// Publishes a video: a resumable upload of the file, then its thumbnail and its place in a playlist. Each step is
    /// written down with the profile's grant (same store, same lock) as it completes, so the same request run again
    /// after a kill, a reboot or Ctrl+C continues from the bytes YouTube confirmed and repeats no step: one video,
    /// never a second. A file that changed since is never continued into the old session.
    /// </summary>
    public sealed class VideoPublisher
    {
        /// <summary>How often the confirmed offset is written down while bytes flow (and at every pause and at the end).</summary>
        private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(15);

        private readonly ApiClient uploads;
        private readonly YouTubeEditor editor;
        private readonly PendingUploads pendingUploads;
        private readonly QuotaLedger ledger;

        internal VideoPublisher(ApiClient uploads, YouTubeEditor editor, GrantManager grants, QuotaLedger ledger)
        {
            this.uploads = uploads;
            this.editor = editor;
            this.ledger = ledger;
            pendingUploads = new PendingUploads(grants, uploads.Profile!);
        }

        /// <summary>
        /// Uploads <paramref name="upload"/>'s file (continuing an interrupted upload of the same file and metadata), sets its
        /// thumbnail and adds it to its playlist; returns the video. <paramref name="onProgress"/> hears how far the bytes got.
        /// </summary>
        public async Task<Video> PublishAsync(VideoUpload upload, Action<UploadProgress>? onProgress, CancellationToken cancellationToken)
        {
            var plan = UploadPlan.Of(upload, uploads.Http.Clock.UtcNow);
            // Every scope the steps need, asked before the first byte: not a 1,600-unit upload and then a refused playlist add.
            await uploads.TokenWithScopesAsync(false, cancellationToken).ConfigureAwait(false);
            if (upload.PlaylistId != null)
            {
                await editor.RequireWriteScopeAsync(cancellationToken).ConfigureAwait(false);
            }

            var pending = await pendingUploads.FindOrNewAsync(plan, cancellationToken).ConfigureAwait(false);
            JObject? made = null;
            if (pending.VideoId == null)
            {
                made = await UploadAsync(plan, pending, onProgress, cancellationToken).ConfigureAwait(false);
                var videoId = pending.VideoId = Json.Id(made);
                await pendingUploads.NoteAsync(plan, p => p.VideoId = videoId).ConfigureAwait(false);
                EngineLog.Verbose("YouTube confirmed every byte of '" + plan.File.Path + "': video " + videoId + ".");
            }
            else
            {
                EngineLog.Verbose("'" + plan.File.Path + "' was uploaded already as video " + pending.VideoId + "; finishing the steps after it.");
            }

            if (upload.ThumbnailPath != null && !pending.ThumbnailSet)
            {
                await editor.SetThumbnailAsync(pending.VideoId, upload.ThumbnailPath, cancellationToken).ConfigureAwait(false);
                await pendingUploads.NoteAsync(plan, p => p.ThumbnailSet = true).ConfigureAwait(false);
            }

            if (upload.PlaylistId != null && pending.PlaylistItemId == null)
            {
                var item = await editor.AddPlaylistItemAsync(upload.PlaylistId, pending.VideoId, null, cancellationToken).ConfigureAwait(false);
                await pendingUploads.NoteAsync(plan, p => p.PlaylistItemId = item.Id).ConfigureAwait(false);
            }

            await pendingUploads.ForgetAsync(plan.File.Path).ConfigureAwait(false);
            // The upload's answer is the video (a thumbnail changes none of its fields); only an earlier run's video is read.
            return made != null ? new Video(made)
                : await editor.ReadVideoAsync(pending.VideoId, cancellationToken).ConfigureAwait(false) ?? new Video(new JObject { ["id"] = pending.VideoId });
        }

        private async Task<JObject> UploadAsync(UploadPlan plan, PendingUpload pending, Action<UploadProgress>? onProgress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            // Where this run starts is what the server answers first (a kept offset may be up to 15 s old): unknown until then.
            long? resumedFrom = pending.SessionUri != null ? (long?)null : 0;
            TimeSpan? lastShown = null;
            var lastSaved = clock.Elapsed;
            long savedOffset = pending.ConfirmedBytes;
            void Sent(long bytes)
            {
                if (lastShown.HasValue && clock.Elapsed - lastShown.Value < TimeSpan.FromMilliseconds(250) && bytes < plan.File.Length)
                {
                    return;
                }

                lastShown = clock.Elapsed;
                var from = resumedFrom ?? 0;
                var rate = clock.Elapsed.TotalSeconds > 0.2 ? Math.Max(0, bytes - from) / clock.Elapsed.TotalSeconds : 0;
                var progress = new UploadProgress(plan.File.Path, bytes, plan.File.Length, from, rate);
                EngineLog.Progress("Uploading " + System.IO.Path.GetFileName(plan.File.Path) + ": " + progress, progress.Percent,
                    progress.TimeLeft is TimeSpan left ? (int)Math.Min(int.MaxValue, left.TotalSeconds) : -1);
                onProgress?.Invoke(progress);
            }

            async Task Confirmed(long bytes)
            {
                resumedFrom ??= bytes;
                // The offset is written down now and then, not on every chunk: on a restart the server's answer counts anyway.
                if (bytes > savedOffset && clock.Elapsed - lastSaved >= SaveEvery)
                {
                    lastSaved = clock.Elapsed;
                    savedOffset = bytes;
                    await pendingUploads.NoteAsync(plan, p => p.ConfirmedBytes = Math.Max(p.ConfirmedBytes, bytes)).ConfigureAwait(false);
                }
                else
                {
                    savedOffset = Math.Max(savedOffset, bytes);
                }
            }

            var session = new ResumableSession(uploads, plan.File, plan.ChunkSize, Confirmed, Sent);
            var restarted = false;
            while (true)
            {
                Uri address;
                long? known;
                if (pending.SessionUri == null)
                {
                    address = await StartAsync(plan, pending, session, cancellationToken).ConfigureAwait(false);
                    known = 0;
                }
                else
                {
                    address = new Uri(pending.SessionUri);
                    known = null; // after a restart only the server knows how far it got
                    EngineLog.Verbose("Continuing the unfinished upload of '" + plan.File.Path + "' (started " + pending.StartedUtc.ToString("u", System.Globalization.CultureInfo.InvariantCulture) + ").");
                }

                try
                {
                    return await session.SendAsync(address, known, cancellationToken).ConfigureAwait(false);
                }
                catch (SessionGoneException) when (!restarted)
                {
                    EngineLog.Warning("YouTube no longer knows the upload session of '" + plan.File.Path + "' (it expired or was lost); starting the upload again from the first byte.");
                    restarted = true;
                    resumedFrom = 0;
                    pending.SessionUri = null;
                }
                catch (SessionGoneException)
                {
                    await pendingUploads.ForgetAsync(plan.File.Path).ConfigureAwait(false);
                    throw new YtOAuthException(ErrorCode.ServerError, "YouTube lost the upload session of '" + plan.File.Path + "' twice in a row. Try again later.", plan.File.Path);
                }
                catch (YtOAuthException e) when (e.Code != ErrorCode.NetworkError && e.Code != ErrorCode.ServerError && e.Code != ErrorCode.RateLimited &&
                                                 e.Code != ErrorCode.AuthenticationFailed && e.Code != ErrorCode.StoreError && e.Code != ErrorCode.StoreUnavailable)
                {
                    // Refused for good (a changed file, bad metadata, no permission): this session cannot finish, so it is not kept.
                    await pendingUploads.ForgetAsync(plan.File.Path).ConfigureAwait(false);
                    throw;
                }
                catch
                {
                    // Paused (network, Ctrl+C): keep what the server last confirmed, so the next run continues.
                    await pendingUploads.NoteAsync(plan, p => p.ConfirmedBytes = Math.Max(p.ConfirmedBytes, savedOffset)).ConfigureAwait(false);
                    throw;
                }
            }
        }

        private async Task<Uri> StartAsync(UploadPlan plan, PendingUpload pending, ResumableSession session, CancellationToken cancellationToken)
        {
            Uri address;
            var before = uploads.UnitsSpent;
            try
            {
                address = await session.StartAsync(plan.Part, plan.Metadata, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ledger.RecordAsync(uploads.Profile!, uploads.UnitsSpent - before).ConfigureAwait(false); // charged, opened or refused
            }

            pending.SessionUri = address.AbsoluteUri;
            pending.ConfirmedBytes = 0;
            pending.StartedUtc = plan.Now;
            // Kept before the first byte goes: a kill from here on resumes this session rather than opening another.
            await pendingUploads.KeepAsync(pending, cancellationToken).ConfigureAwait(false);
            return address;
        }
    }
}
