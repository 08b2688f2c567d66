using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace YtOAuth.Engine.YouTube
{
    /// <summary>The rows half of <see cref="ReportParser"/>: each row turned into typed values once the headers say what each column holds.</summary>
    internal sealed partial class ReportParser
    {
        private void StartRow()
        {
            place = Place.Row;
            column = 0;
            if (Columns != null)
            {
                row = new object?[Columns.Count];
            }
            else
            {
                row = null;
                rowText = new MemoryStream();
                rowText.WriteByte((byte)'[');
            }
        }

        private void EndRow()
        {
            place = Place.Rows;
            RowCount++;
            if (row != null)
            {
                Ready.Add(row);
                row = null;
            }
            else
            {
                rowText!.WriteByte((byte)']');
                rowsBeforeHeaders.Add(rowText.ToArray());
                rowText = null;
            }
        }

        /// <summary>A value of a row that came before the headers, kept as its JSON text.</summary>
        private void KeepAsText(ref Utf8JsonReader reader)
        {
            if (column++ > 0)
            {
                rowText!.WriteByte((byte)',');
            }

            var quoted = reader.TokenType == JsonTokenType.String;
            if (quoted)
            {
                rowText!.WriteByte((byte)'"');
            }

            var raw = reader.ValueSpan.ToArray();
            rowText!.Write(raw, 0, raw.Length);
            if (quoted)
            {
                rowText.WriteByte((byte)'"');
            }
        }

        private void UseHeaders()
        {
            Columns = headers.ToArray();
            caches = new SeenValues?[headers.Count];
            foreach (var text in rowsBeforeHeaders)
            {
                var reader = new Utf8JsonReader(text);
                reader.Read();
                var values = new object?[Columns.Count];
                for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
                {
                    if (i < values.Length)
                    {
                        values[i] = Value(ref reader, i);
                    }
                }

                Ready.Add(values);
            }

            rowsBeforeHeaders.Clear();
        }

        /// <summary>
        /// One value converted to its column's type. Dimension values (days, videos, countries) repeat down a column,
        /// so each column remembers the texts it has seen and hands out the same value again: no new string or
        /// date per row, and rows that are kept share them.
        /// </summary>
        [MethodImpl(Hot)]
        private object? Value(ref Utf8JsonReader reader, int index)
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.Null)
            {
                return null;
            }

            var target = Columns![index].Kind;
            if (token == JsonTokenType.Number && target == ValueKind.Integer)
            {
                return reader.TryGetInt64(out var whole) ? whole : (long)Math.Round(reader.GetDouble());
            }

            if (token == JsonTokenType.Number && target == ValueKind.Real)
            {
                return reader.GetDouble();
            }

            var raw = reader.ValueSpan;
            var seen = caches[index] ??= new SeenValues();
            if (seen.TryGet(raw, out var value))
            {
                return value;
            }

            value = Columns[index].Parse(token == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(raw.ToArray()));
            seen.Add(raw, value);
            return value;
        }

        /// <summary>A column's recently seen raw values and what they became: a small hash table that overwrites on collision.</summary>
        private sealed class SeenValues
        {
            private const int Size = 256;
            private readonly byte[]?[] raws = new byte[Size][];
            private readonly object?[] values = new object?[Size];

            [MethodImpl(Hot)]
            public bool TryGet(ReadOnlySpan<byte> raw, out object? value)
            {
                var slot = Slot(raw);
                var known = raws[slot];
                value = values[slot];
                return known != null && raw.SequenceEqual(known);
            }

            public void Add(ReadOnlySpan<byte> raw, object? value)
            {
                var slot = Slot(raw);
                raws[slot] = raw.ToArray();
                values[slot] = value;
            }

            [MethodImpl(Hot)]
            private static int Slot(ReadOnlySpan<byte> raw)
            {
                var hash = 2166136261u; // FNV-1a
                foreach (var b in raw)
                {
                    hash = (hash ^ b) * 16777619u;
                }

                return (int)(hash % Size);
            }
        }
    }
}
