using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
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
        /// <summary>YouTube keeps an upload session for about a week; an older one is not tried.</summary>
        private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(6);

        /// <summary>How often the confirmed offset is written down while bytes flow (and at every pause and at the end).</summary>
        private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(15);

        private readonly ApiClient uploads;
        private readonly YouTubeEditor editor;
        private readonly GrantManager grants;
        private readonly QuotaLedger ledger;

        internal VideoPublisher(ApiClient uploads, YouTubeEditor editor, GrantManager grants, QuotaLedger ledger)
        {
            this.uploads = uploads;
            this.editor = editor;
            this.grants = grants;
            this.ledger = ledger;
        }

        /// <summary>
        /// Uploads <paramref name="upload"/>'s file (continuing an interrupted upload of the same file and metadata), sets its
        /// thumbnail and adds it to its playlist; returns the video. <paramref name="onProgress"/> hears how far the bytes got.
        /// </summary>
        public async Task<Video> PublishAsync(VideoUpload upload, Action<UploadProgress>? onProgress, CancellationToken cancellationToken)
        {
            var plan = Plan.Of(upload, uploads.Http.Clock.UtcNow);
            var profile = uploads.Profile!;
            // Every scope the steps need, asked before the first byte: not a 1,600-unit upload and then a refused playlist add.
            await uploads.TokenWithScopesAsync(false, cancellationToken).ConfigureAwait(false);
            if (upload.PlaylistId != null)
            {
                await editor.RequireWriteScopeAsync(cancellationToken).ConfigureAwait(false);
            }

            var pending = await ResumeOrStartAsync(profile, plan, cancellationToken).ConfigureAwait(false);
            JObject? made = null;
            if (pending.VideoId == null)
            {
                made = await UploadAsync(profile, plan, pending, onProgress, cancellationToken).ConfigureAwait(false);
                pending = await SaveAsync(profile, plan, p => p.VideoId = Json.Id(made), cancellationToken).ConfigureAwait(false) ?? pending;
                EngineLog.Verbose("YouTube confirmed every byte of '" + plan.File.Path + "': video " + pending.VideoId + ".");
            }
            else
            {
                EngineLog.Verbose("'" + plan.File.Path + "' was uploaded already as video " + pending.VideoId + "; finishing the steps after it.");
            }

            var videoId = pending.VideoId!;
            if (upload.ThumbnailPath != null && !pending.ThumbnailSet)
            {
                await editor.SetThumbnailAsync(videoId, upload.ThumbnailPath, cancellationToken).ConfigureAwait(false);
                await SaveAsync(profile, plan, p => p.ThumbnailSet = true, cancellationToken).ConfigureAwait(false);
            }

            if (upload.PlaylistId != null && pending.PlaylistItemId == null)
            {
                var item = await editor.AddPlaylistItemAsync(upload.PlaylistId, videoId, null, cancellationToken).ConfigureAwait(false);
                await SaveAsync(profile, plan, p => p.PlaylistItemId = item.Id, cancellationToken).ConfigureAwait(false);
            }

            await ForgetAsync(profile, plan.File.Path).ConfigureAwait(false);
            if (made != null && upload.ThumbnailPath == null)
            {
                return new Video(made);
            }

            // The thumbnail or an earlier run changed the video since the upload's answer: read it as it stands.
            var current = await editor.ReadVideoAsync(videoId, cancellationToken).ConfigureAwait(false);
            return current ?? new Video(made ?? new JObject { ["id"] = videoId });
        }

        /// <summary>Forgets the unfinished upload of <paramref name="path"/> (YouTube drops its session within a week). False when there was none.</summary>
        public async Task<bool> ForgetUploadAsync(string path, CancellationToken cancellationToken) =>
            await ForgetAsync(uploads.Profile!, FileIdentity.Of(path).Path).ConfigureAwait(false);

        /// <summary>The uploads under way for this profile (no session addresses).</summary>
        public async Task<IReadOnlyList<PendingUpload>> PendingAsync(CancellationToken cancellationToken)
        {
            var record = await grants.ReadRequiredAsync(uploads.Profile!, cancellationToken).ConfigureAwait(false);
            return (record.Uploads ?? new List<PendingUpload>()).Select(p =>
            {
                var copy = Newtonsoft.Json.JsonConvert.DeserializeObject<PendingUpload>(Newtonsoft.Json.JsonConvert.SerializeObject(p))!;
                copy.SessionUri = null;
                return copy;
            }).ToList();
        }

        private async Task<PendingUpload> ResumeOrStartAsync(string profile, Plan plan, CancellationToken cancellationToken)
        {
            PendingUpload? found = null;
            await grants.UpdateAsync(profile, record =>
            {
                var existing = record?.Uploads?.FirstOrDefault(p => string.Equals(p.Path, plan.File.Path, StringComparison.Ordinal));
                if (record == null || existing == null)
                {
                    return Task.FromResult<TokenRecord?>(null);
                }

                var why = !plan.File.Matches(existing) ? "the file changed since (it is never continued into the old session)"
                    : existing.RequestSha256 != plan.RequestSha256 ? "it was asked with other metadata, playlist or thumbnail"
                    : existing.VideoId == null && plan.Now - existing.StartedUtc > SessionLifetime ? "its session is over a week old, and YouTube has dropped it"
                    : null;
                if (why == null)
                {
                    found = existing;
                    return Task.FromResult<TokenRecord?>(null);
                }

                EngineLog.Warning("An unfinished upload of '" + plan.File.Path + "' was dropped: " + why + ". Starting a new upload" +
                                  (existing.VideoId != null ? " (video " + existing.VideoId + " from the earlier one stays on YouTube)." : "."));
                record.Uploads!.Remove(existing);
                return Task.FromResult<TokenRecord?>(record);
            }, cancellationToken).ConfigureAwait(false);
            return found ?? new PendingUpload
            {
                Path = plan.File.Path,
                Length = plan.File.Length,
                LastWriteUtc = plan.File.LastWriteUtc,
                SampleSha256 = plan.File.SampleSha256,
                RequestSha256 = plan.RequestSha256,
            };
        }

        private async Task<JObject> UploadAsync(string profile, Plan plan, PendingUpload pending, Action<UploadProgress>? onProgress, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var resumedFrom = pending.SessionUri != null ? pending.ConfirmedBytes : 0;
            TimeSpan? lastShown = null; // nothing shown yet
            var lastSaved = clock.Elapsed;
            long savedOffset = pending.ConfirmedBytes;
            void Sent(long bytes)
            {
                if (lastShown is TimeSpan shown && clock.Elapsed - shown < TimeSpan.FromMilliseconds(250) && bytes < plan.File.Length)
                {
                    return;
                }

                lastShown = clock.Elapsed;
                var rate = clock.Elapsed.TotalSeconds > 0.2 ? Math.Max(0, bytes - resumedFrom) / clock.Elapsed.TotalSeconds : 0;
                var progress = new UploadProgress(plan.File.Path, bytes, plan.File.Length, resumedFrom, rate);
                EngineLog.Progress("Uploading " + System.IO.Path.GetFileName(plan.File.Path) + ": " + progress, progress.Percent,
                    progress.TimeLeft is TimeSpan left ? (int)Math.Min(int.MaxValue, left.TotalSeconds) : -1);
                onProgress?.Invoke(progress);
            }

            async Task Confirmed(long bytes)
            {
                // The offset is written down now and then, not on every chunk: on a restart the server's answer counts anyway.
                if (bytes > savedOffset && clock.Elapsed - lastSaved >= SaveEvery)
                {
                    lastSaved = clock.Elapsed;
                    savedOffset = bytes;
                    await SaveAsync(profile, plan, p => p.ConfirmedBytes = Math.Max(p.ConfirmedBytes, bytes), CancellationToken.None).ConfigureAwait(false);
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
                    address = await StartAsync(profile, plan, pending, session, cancellationToken).ConfigureAwait(false);
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
                    await ForgetAsync(profile, plan.File.Path).ConfigureAwait(false);
                    throw new YtOAuthException(ErrorCode.ServerError, "YouTube lost the upload session of '" + plan.File.Path + "' twice in a row. Try again later.", plan.File.Path);
                }
                catch (YtOAuthException e) when (e.Code != ErrorCode.NetworkError && e.Code != ErrorCode.ServerError && e.Code != ErrorCode.RateLimited &&
                                                 e.Code != ErrorCode.AuthenticationFailed && e.Code != ErrorCode.StoreError && e.Code != ErrorCode.StoreUnavailable)
                {
                    // Refused for good (a changed file, bad metadata, no permission): this session cannot finish, so it is not kept.
                    await ForgetAsync(profile, plan.File.Path).ConfigureAwait(false);
                    throw;
                }
                catch
                {
                    // Paused (network, Ctrl+C): keep what the server last confirmed, so the next run continues.
                    await SaveAsync(profile, plan, p => p.ConfirmedBytes = Math.Max(p.ConfirmedBytes, savedOffset), CancellationToken.None).ConfigureAwait(false);
                    throw;
                }
            }
        }

        private async Task<Uri> StartAsync(string profile, Plan plan, PendingUpload pending, ResumableSession session, CancellationToken cancellationToken)
        {
            Uri address;
            var before = uploads.UnitsSpent;
            try
            {
                address = await session.StartAsync(plan.Part, plan.Metadata, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await ledger.RecordAsync(profile, uploads.UnitsSpent - before).ConfigureAwait(false); // charged, opened or refused
            }

            pending.SessionUri = address.AbsoluteUri;
            pending.ConfirmedBytes = 0;
            pending.StartedUtc = plan.Now;
            // Written down before the first byte goes: a kill from here on resumes this session rather than opening another.
            await grants.UpdateAsync(profile, record =>
            {
                if (record == null)
                {
                    return Task.FromResult<TokenRecord?>(null);
                }

                record.Uploads = (record.Uploads ?? new List<PendingUpload>()).Where(p => p.Path != pending.Path).Concat(new[] { pending }).ToList();
                return Task.FromResult<TokenRecord?>(record);
            }, cancellationToken).ConfigureAwait(false);
            return address;
        }

        /// <summary>Changes the stored record of this upload (when it is still there) and returns it.</summary>
        private async Task<PendingUpload?> SaveAsync(string profile, Plan plan, Action<PendingUpload> change, CancellationToken cancellationToken)
        {
            PendingUpload? saved = null;
            try
            {
                await grants.UpdateAsync(profile, record =>
                {
                    saved = record?.Uploads?.FirstOrDefault(p => p.Path == plan.File.Path && p.RequestSha256 == plan.RequestSha256);
                    if (saved == null)
                    {
                        return Task.FromResult<TokenRecord?>(null);
                    }

                    change(saved);
                    return Task.FromResult<TokenRecord?>(record);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.StoreError || e.Code == ErrorCode.StoreUnavailable)
            {
                // Progress notes are a convenience: the server's own answer decides on a re-run.
                EngineLog.Warning("Could not note the upload's progress: " + e.Message);
            }

            return saved;
        }

        private async Task<bool> ForgetAsync(string profile, string path)
        {
            var removed = false;
            await grants.UpdateAsync(profile, record =>
            {
                removed = record?.Uploads?.RemoveAll(p => p.Path == path) > 0;
                if (removed && record!.Uploads!.Count == 0)
                {
                    record.Uploads = null;
                }

                return Task.FromResult(removed ? record : null);
            }, CancellationToken.None).ConfigureAwait(false);
            return removed;
        }

        /// <summary>What one publish asks for, checked and fixed before anything is sent.</summary>
        private sealed class Plan
        {
            public FileIdentity File { get; private set; } = null!;
            public JObject Metadata { get; private set; } = null!;
            public string Part { get; private set; } = string.Empty;
            public string RequestSha256 { get; private set; } = string.Empty;
            public int ChunkSize { get; private set; }
            public DateTime Now { get; private set; }

            public static Plan Of(VideoUpload upload, DateTime now)
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
                    return new Plan
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
}
