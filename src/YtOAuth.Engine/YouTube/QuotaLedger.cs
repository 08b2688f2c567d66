using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Util;
using YtOAuth.Engine.Diagnostics;
using YtOAuth.Engine.Tokens;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>Counts the Data API units each profile spends per Pacific day, kept with the profile's grant.</summary>
    internal sealed class QuotaLedger
    {
        private readonly GrantManager grants;
        private readonly IClock clock;

        public QuotaLedger(GrantManager grants, IClock clock)
        {
            this.grants = grants;
            this.clock = clock;
        }

        /// <summary>Adds <paramref name="units"/> to the profile's count; the count is kept even when the listing was stopped.</summary>
        public async Task RecordAsync(string profile, long units)
        {
            if (units == 0)
            {
                return;
            }

            var day = PacificTime.Day(clock.UtcNow);
            var record = await grants.UpdateAsync(profile, current =>
            {
                if (current != null)
                {
                    current.QuotaUnits = (current.QuotaDay == day ? current.QuotaUnits : 0) + units;
                    current.QuotaDay = day;
                }

                return Task.FromResult(current);
            }, CancellationToken.None).ConfigureAwait(false);
            EngineLog.Verbose("Spent " + units + " YouTube Data API quota unit(s); profile '" + profile + "' has spent " + (record?.QuotaUnits ?? units) +
                              " today (Pacific time; the project's default daily quota is 10,000).");
        }
    }
}
