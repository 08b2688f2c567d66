using System.Text.Json.Nodes;

namespace YtOAuth.Emulator;

/// <summary>Google's partial-response "fields" syntax: a,b/c,items(id,snippet(title)).</summary>
internal static class FieldsFilter
{
    public static JsonNode Apply(JsonNode node, string fields)
    {
        var i = 0;
        return Filter(node, ParseList(fields, ref i));
    }

    private sealed class Selection : Dictionary<string, Selection?> { }

    // list := item (',' item)* ; item := name ('/' item | '(' list ')')?
    private static Selection ParseList(string s, ref int i)
    {
        var result = new Selection();
        while (i < s.Length && s[i] != ')')
        {
            var (name, sub) = ParseItem(s, ref i);
            if (name.Length > 0)
            {
                result[name] = result.TryGetValue(name, out var existing) && existing != null && sub != null ? Merge(existing, sub) : sub;
            }

            if (i < s.Length && s[i] == ',') i++;
        }

        return result;
    }

    private static (string Name, Selection? Sub) ParseItem(string s, ref int i)
    {
        var start = i;
        while (i < s.Length && s[i] is not (',' or '(' or ')' or '/')) i++;
        var name = s[start..i].Trim();
        if (i < s.Length && s[i] == '/')
        {
            i++;
            var (child, childSub) = ParseItem(s, ref i);
            return (name, new Selection { [child] = childSub });
        }

        if (i < s.Length && s[i] == '(')
        {
            i++;
            var sub = ParseList(s, ref i);
            i++; // ')'
            return (name, sub);
        }

        return (name, null);
    }

    private static Selection Merge(Selection a, Selection b)
    {
        foreach (var pair in b) a[pair.Key] = pair.Value;
        return a;
    }

    private static JsonNode Filter(JsonNode node, Selection selection)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(n => n == null ? null : Filter(n, selection)).ToArray());
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, sub) in selection)
                {
                    if (obj[key] is { } value)
                    {
                        result[key] = sub == null ? value.DeepClone() : Filter(value, sub);
                    }
                }

                return result;
            default:
                return node.DeepClone();
        }
    }
}
