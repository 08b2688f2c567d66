using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using YtOAuth.Engine.YouTube;

namespace YtOAuth
{
    /// <summary>
    /// What every Analytics row derives from. Each column set gets its own row type with a typed property per column,
    /// named as Google named the column (see <see cref="Output.AnalyticsRowTypes"/>).
    /// </summary>
    public abstract class AnalyticsRow
    {
    }
}

namespace YtOAuth.Output
{
    /// <summary>
    /// Row types made once per column set and process: a sealed class with a typed property per column and a
    /// constructor that takes the engine's typed values, so a row costs one allocation, not a property bag
    /// (measured: 100,000 six-column rows in tens of milliseconds against most of a second for note properties).
    /// Each type gets a table view in each runspace that writes it.
    /// </summary>
    internal static class AnalyticsRowTypes
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, RowType> Types = new Dictionary<string, RowType>();
        private static readonly HashSet<string> NamesTaken = new HashSet<string>();
        private static readonly HashSet<(Guid Runspace, Type Type)> Viewed = new HashSet<(Guid, Type)>();
        private static ModuleBuilder? module;

        /// <summary>The row type for a report's columns (the same object for every batch of a report).</summary>
        public static RowType For(IReadOnlyList<AnalyticsColumn> columns)
        {
            var key = string.Join("\n", columns.Select(c => c.Name + "\t" + c.ValueType.Name));
            lock (Gate)
            {
                if (!Types.TryGetValue(key, out var rowType))
                {
                    rowType = Types[key] = Make(columns);
                }

                return rowType;
            }
        }

        /// <summary>
        /// Gives the type a table view in this runspace, once: formatting then shows rows as a table whatever the
        /// column count (PowerShell's default for more than four properties is a list). A session that cannot
        /// update format data (a restricted one) keeps the default view.
        /// </summary>
        public static void EnsureView(RowType rowType, PSCmdlet cmdlet)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace?.InitialSessionState == null)
            {
                return;
            }

            lock (Gate)
            {
                if (!Viewed.Add((runspace.InstanceId, rowType.Type)))
                {
                    return;
                }
            }

            var table = TableControl.Create(outOfBand: false, autoSize: false, hideTableHeaders: false);
            var columns = table.StartRowDefinition(wrap: false, entrySelectedByType: null, entrySelectedByCondition: null);
            foreach (var name in rowType.PropertyNames)
            {
                columns.AddPropertyColumn(name, Alignment.Undefined, format: null);
            }

            var view = new FormatViewDefinition(rowType.Type.FullName, columns.EndRowDefinition().EndTable());
            try
            {
                runspace.InitialSessionState.Formats.Add(new SessionStateFormatEntry(new ExtendedTypeDefinition(rowType.Type.FullName, new List<FormatViewDefinition> { view })));
                cmdlet.InvokeCommand.InvokeScript("Update-FormatData");
            }
            catch (Exception e) when (e is RuntimeException || e is InvalidOperationException || e is NotSupportedException)
            {
                cmdlet.WriteDebug("Analytics rows keep PowerShell's default view: " + e.Message);
            }
        }

        private static RowType Make(IReadOnlyList<AnalyticsColumn> columns)
        {
            module ??= AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("YtOAuth.AnalyticsRows"), AssemblyBuilderAccess.Run).DefineDynamicModule("YtOAuth.AnalyticsRows");
            var names = PropertyNames(columns);
            var builder = module.DefineType(TypeName(names), TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(AnalyticsRow));
            var constructor = builder.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, new[] { typeof(object[]) });
            var init = constructor.GetILGenerator();
            init.Emit(OpCodes.Ldarg_0);
            init.Emit(OpCodes.Call, typeof(AnalyticsRow).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, Type.EmptyTypes, null)!);
            for (var i = 0; i < columns.Count; i++)
            {
                // Values can be missing (null), so value types are nullable: a missing number is not a zero.
                var type = columns[i].ValueType.IsValueType ? typeof(Nullable<>).MakeGenericType(columns[i].ValueType) : columns[i].ValueType;
                var field = builder.DefineField("value" + i, type, FieldAttributes.Private);
                init.Emit(OpCodes.Ldarg_0);
                init.Emit(OpCodes.Ldarg_1);
                init.Emit(OpCodes.Ldc_I4, i);
                init.Emit(OpCodes.Ldelem_Ref);
                init.Emit(type.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, type);
                init.Emit(OpCodes.Stfld, field);
                DefineProperty(builder, names[i], type, field);
            }

            init.Emit(OpCodes.Ret);
            var made = builder.CreateTypeInfo()!.AsType();
            var values = Expression.Parameter(typeof(object[]), "values");
            var create = Expression.Lambda<Func<object?[], AnalyticsRow>>(Expression.New(made.GetConstructor(new[] { typeof(object[]) })!, values), values).Compile();
            return new RowType(made, create, names);
        }

        private static void DefineProperty(TypeBuilder builder, string name, Type type, FieldInfo field)
        {
            const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;
            var property = builder.DefineProperty(name, PropertyAttributes.None, type, null);
            var get = builder.DefineMethod("get_" + name, accessor, type, Type.EmptyTypes);
            var il = get.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ret);
            var set = builder.DefineMethod("set_" + name, accessor, null, new[] { type });
            il = set.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Stfld, field);
            il.Emit(OpCodes.Ret);
            property.SetGetMethod(get);
            property.SetSetMethod(set);
        }

        /// <summary>Column names as Google sent them; an empty or repeated one gets a number so every column stays reachable.</summary>
        private static string[] PropertyNames(IReadOnlyList<AnalyticsColumn> columns)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var names = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var name = string.IsNullOrWhiteSpace(columns[i].Name) ? "column" + (i + 1) : columns[i].Name;
                for (var n = 2; !seen.Add(name); n++)
                {
                    name = columns[i].Name + n;
                }

                names[i] = name;
            }

            return names;
        }

        /// <summary>YtOAuth.AnalyticsRow_day_views: what Get-Member shows; made unique when the same names come with other types.</summary>
        private static string TypeName(string[] names)
        {
            var text = new StringBuilder("YtOAuth.AnalyticsRow");
            foreach (var name in names)
            {
                text.Append('_').Append(new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray()));
            }

            var unique = text.ToString();
            for (var n = 2; !NamesTaken.Add(unique); n++)
            {
                unique = text + "_" + n;
            }

            return unique;
        }
    }

    /// <summary>A generated row type and how to make its rows.</summary>
    internal sealed class RowType
    {
        public RowType(Type type, Func<object?[], AnalyticsRow> create, string[] propertyNames)
        {
            Type = type;
            Create = create;
            PropertyNames = propertyNames;
        }

        public Type Type { get; }

        /// <summary>A row from the engine's typed values, in column order.</summary>
        public Func<object?[], AnalyticsRow> Create { get; }

        public string[] PropertyNames { get; }
    }
}
