using System;
using System.Globalization;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>One column of an Analytics report.</summary>
    public sealed class AnalyticsColumn
    {
        internal AnalyticsColumn(string name, string columnType, string dataType)
        {
            Name = name;
            ColumnType = columnType;
            DataType = dataType;
            Kind = name == "day" ? ValueKind.Day
                : name == "month" ? ValueKind.Month
                : dataType == "INTEGER" ? ValueKind.Integer
                : dataType == "STRING" ? ValueKind.Text
                : ValueKind.Real; // FLOAT, CURRENCY and types Google may add later
        }

        /// <summary>Column name (dimension or metric).</summary>
        public string Name { get; }
        /// <summary>DIMENSION or METRIC.</summary>
        public string ColumnType { get; }
        /// <summary>STRING, INTEGER, FLOAT...</summary>
        public string DataType { get; }
        /// <summary>The .NET type of values in this column: DateTime (day, month), long, double or string.</summary>
        public Type ValueType => Kind == ValueKind.Day || Kind == ValueKind.Month ? typeof(DateTime)
            : Kind == ValueKind.Integer ? typeof(long)
            : Kind == ValueKind.Real ? typeof(double)
            : typeof(string);

        internal ValueKind Kind { get; }

        /// <summary>A value that came as text (or a number where text was expected) converted to <see cref="ValueType"/>.</summary>
        internal object Parse(string text)
        {
            switch (Kind)
            {
                case ValueKind.Day: return DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                case ValueKind.Month: return DateTime.ParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture);
                case ValueKind.Integer: return (long)Math.Round(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
                case ValueKind.Real: return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                default: return text;
            }
        }
    }

    /// <summary>What an Analytics column's values become.</summary>
    internal enum ValueKind
    {
        Text,
        Integer,
        Real,
        Day,
        Month,
    }
}
