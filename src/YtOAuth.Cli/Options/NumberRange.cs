using System.Globalization;

namespace YtOAuth.Cli.Options;

/// <summary>Whole-number flags with the module's ranges: a number outside is a usage error that names the range.</summary>
internal static class NumberRange
{
    public static Option<T> Ranged<T>(this Option<T> option, long min, long max)
    {
        option.Validators.Add(r =>
        {
            T value;
            try
            {
                value = r.GetValueOrDefault<T>();
            }
            catch (InvalidOperationException)
            {
                return; // not a number at all: the parser says so itself
            }

            if (value != null && (Convert.ToInt64(value, CultureInfo.InvariantCulture) < min || Convert.ToInt64(value, CultureInfo.InvariantCulture) > max))
            {
                r.AddError(option.Name + " takes a whole number " + (max == int.MaxValue ? "of at least " + min : "from " + min + " to " + max) + ", not " + value + ".");
            }
        });
        return option;
    }
}
