namespace YtOAuth.Emulator;

/// <summary>Data API units spent per Pacific day (the project's quota).</summary>
public sealed class QuotaLedger
{
    private string day = "";
    private long used;

    /// <summary>Units spent on the current day.</summary>
    public long Used { get { lock (this) { return used; } } }

    /// <summary>
    /// Charges <paramref name="cost"/> units (Google's table: 1 a list page, 50 a write, 1,600 videos.insert); false
    /// when they do not fit in what is left of the budget. A refused request is charged all the same, as Google does.
    /// </summary>
    internal bool TrySpend(string today, long budget, long cost = 1)
    {
        lock (this)
        {
            if (day != today)
            {
                day = today;
                used = 0;
            }

            // Stricter reading: a call whose cost does not fit in what is left is refused (Google does not say whether it
            // lets a 1,600-unit upload overdraw the last few units).
            var fits = used + cost <= budget;
            used += cost; // refused requests cost as well
            return fits;
        }
    }
}
