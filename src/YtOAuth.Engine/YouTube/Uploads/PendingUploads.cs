using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>
    /// A profile's uploads under way, kept in its grant record (<see cref="TokenRecord.Uploads"/>) and changed only through
    /// <see cref="GrantManager.UpdateAsync"/>: the same store and lock as its tokens, so two processes never write over each other.
    /// </summary>
    internal sealed class PendingUploads
    {
        /// <summary>YouTube keeps an upload session for about a week; an older one is not tried.</summary>
        private static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(6);

        private readonly GrantManager grants;
        private readonly string profile;

        public PendingUploads(GrantManager grants, string profile)
        {
            this.grants = grants;
            this.profile = profile;
        }

        /// <summary>
        /// The unfinished upload of this very file and request, to continue; or a new, unsaved one. An unfinished upload of
        /// the same path that differs (the file changed, other metadata, a session too old) is dropped, with a warning.
        /// </summary>
        public async Task<PendingUpload> FindOrNewAsync(UploadPlan plan, CancellationToken cancellationToken)
        {
            PendingUpload? found = null;
            await grants.UpdateAsync(profile, record =>
            {
                var existing = record?.Uploads?.FirstOrDefault(p => p.Path == plan.File.Path);
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
                Remove(record, existing.Path);
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

        /// <summary>Keeps <paramref name="pending"/> (with its new session), replacing what was kept for its path.</summary>
        public Task KeepAsync(PendingUpload pending, CancellationToken cancellationToken) =>
            grants.UpdateAsync(profile, record =>
            {
                if (record == null)
                {
                    return Task.FromResult<TokenRecord?>(null);
                }

                Remove(record, pending.Path);
                record.Uploads = (record.Uploads ?? new List<PendingUpload>()).Concat(new[] { pending }).ToList();
                return Task.FromResult<TokenRecord?>(record);
            }, cancellationToken);

        /// <summary>
        /// Notes a step (bytes confirmed, the video made, the thumbnail set) on the kept upload of <paramref name="plan"/>, when it
        /// is still kept. A store that cannot be written costs only the note: on a re-run the server's answer decides.
        /// </summary>
        public async Task NoteAsync(UploadPlan plan, Action<PendingUpload> change)
        {
            try
            {
                await grants.UpdateAsync(profile, record =>
                {
                    var kept = record?.Uploads?.FirstOrDefault(p => p.Path == plan.File.Path && p.RequestSha256 == plan.RequestSha256);
                    if (kept == null)
                    {
                        return Task.FromResult<TokenRecord?>(null);
                    }

                    change(kept);
                    return Task.FromResult<TokenRecord?>(record);
                }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (YtOAuthException e) when (e.Code == ErrorCode.StoreError || e.Code == ErrorCode.StoreUnavailable)
            {
                EngineLog.Warning("Could not note the upload's progress: " + e.Message);
            }
        }

        /// <summary>Forgets the upload of <paramref name="path"/>; false when none was kept.</summary>
        public async Task<bool> ForgetAsync(string path)
        {
            var removed = false;
            await grants.UpdateAsync(profile, record =>
            {
                removed = record != null && Remove(record, path);
                return Task.FromResult(removed ? record : null);
            }, CancellationToken.None).ConfigureAwait(false);
            return removed;
        }

        private static bool Remove(TokenRecord record, string path)
        {
            var removed = record.Uploads?.RemoveAll(p => p.Path == path) > 0;
            if (record.Uploads?.Count == 0)
            {
                record.Uploads = null;
            }

            return removed;
        }
    }
}
