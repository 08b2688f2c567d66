namespace YtOAuth.Emulator;

/// <summary>The last few things made for a key (reports, answers), newest first.</summary>
internal sealed class RecentlyMade<T>(int capacity) where T : class
{
    private readonly LinkedList<(string Key, T Value)> made = new();

    public bool TryGet(string key, out T value)
    {
        lock (made)
        {
            value = made.FirstOrDefault(a => a.Key == key).Value;
            return value != null;
        }
    }

    public T Add(string key, T value)
    {
        lock (made)
        {
            made.AddFirst((key, value));
            if (made.Count > capacity)
            {
                made.RemoveLast();
            }
        }

        return value;
    }
}
