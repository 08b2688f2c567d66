namespace YtOAuth.Emulator;

/// <summary>Data API units spent per Pacific day (the project's quota).</summary>
public sealed class QuotaLedger
{
    private string day = "";
    private long used;

    /// <summary>Units spent on the current day.</summary>
    public long Used { get { lock (this) { return used; } } }

    internal bool TrySpend(string today, long budget)
    {
        lock (this)
        {
            if (day != today)
            {
                day = today;
                used = 0;
            }

            if (used >= budget)
            {
                used++; // refused requests cost as well
                return false;
            }

            used++;
            return true;
        }
    }
}
