using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace YtOAuth.ModuleBuilder;

/// <summary>One parameter set entry of a parameter ("__AllParameterSets" when the attribute names none).</summary>
public sealed record ParameterSetEntry(string Name, bool Mandatory, int Position, bool FromPipeline, bool FromPipelineByPropertyName);

/// <summary>A cmdlet parameter as declared; <see cref="DefaultValue"/> is its [PSDefaultValue(Value = ...)], null without one.</summary>
public sealed record CmdletParameter(string Name, string TypeName, bool IsSwitch, IReadOnlyList<ParameterSetEntry> Sets, IReadOnlyList<string> Aliases, IReadOnlyList<string> Attributes,
    string? DefaultValue = null);

/// <summary>A cmdlet as declared in the compiled module.</summary>
public sealed record CmdletDeclaration(string Verb, string Noun, string ClassName, string? DefaultParameterSet, bool SupportsShouldProcess,
    int ConfirmImpact, bool SupportsPaging, IReadOnlyList<CmdletParameter> Parameters, IReadOnlyList<string> OutputTypes, bool IsPublicSealed)
{
    public string Name => Verb + "-" + Noun;

    /// <summary>Every parameter set name the cmdlet has.</summary>
    public IReadOnlyList<string> ParameterSets =>
        Parameters.SelectMany(p => p.Sets.Select(s => s.Name)).Where(n => n != AllSets).Distinct().OrderBy(n => n).DefaultIfEmpty(AllSets).ToList();

    public const string AllSets = "__AllParameterSets";
}

/// <summary>
/// Reads cmdlets from the built YtOAuth.dll as metadata only (MetadataLoadContext): no PowerShell host needed,
/// and nothing is executed. The help builder and the metadata tests share this one reader.
/// </summary>
public static class CmdletMetadata
{
    private const string Sma = "System.Management.Automation.";

    /// <summary>A context able to read <paramref name="moduleFolder"/>'s YtOAuth.dll and its references.</summary>
    public static MetadataLoadContext Open(string moduleFolder, string smaReferencePath)
    {
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(moduleFolder, "*.dll"))
            .Concat(Directory.GetFiles(Path.Combine(moduleFolder, "dependencies"), "*.dll"))
            .Append(smaReferencePath)
            .GroupBy(Path.GetFileName).Select(g => g.Last());
        return new MetadataLoadContext(new PathAssemblyResolver(paths), "netstandard");
    }

    public static IReadOnlyList<CmdletDeclaration> Read(Assembly module) =>
        module.GetTypes()
            .Select(t => (Type: t, Cmdlet: t.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == Sma + "CmdletAttribute")))
            .Where(x => x.Cmdlet != null)
            .Select(x => Describe(x.Type, x.Cmdlet!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

    private static CmdletDeclaration Describe(Type type, CustomAttributeData cmdlet)
    {
        T Named<T>(string name, T fallback) =>
            cmdlet.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();

        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Data: p.GetCustomAttributesData()))
            .Where(p => p.Data.Any(a => a.AttributeType.FullName == Sma + "ParameterAttribute"))
            .Select(p => new CmdletParameter(
                p.Property.Name,
                TypeName(p.Property.PropertyType),
                p.Property.PropertyType.FullName == Sma + "SwitchParameter",
                p.Data.Where(a => a.AttributeType.FullName == Sma + "ParameterAttribute").Select(SetEntry).ToList(),
                p.Data.Where(a => a.AttributeType.FullName == Sma + "AliasAttribute")
                    .SelectMany(a => ((ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToList(),
                p.Data.Select(a => a.AttributeType.Name).ToList(),
                p.Data.Where(a => a.AttributeType.FullName == Sma + "PSDefaultValueAttribute")
                    .SelectMany(a => a.NamedArguments.Where(n => n.MemberName == "Value").Select(n => n.TypedValue.Value?.ToString())).FirstOrDefault()))
            .ToList();
        var outputs = type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Sma + "OutputTypeAttribute")
            .SelectMany(a => ((ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => ((Type)v.Value!).FullName!))
            .ToList();
        return new CmdletDeclaration((string)cmdlet.ConstructorArguments[0].Value!, (string)cmdlet.ConstructorArguments[1].Value!, type.FullName!,
            Named<string?>("DefaultParameterSetName", null), Named("SupportsShouldProcess", false), Named("ConfirmImpact", 2), Named("SupportsPaging", false),
            parameters, outputs, type.IsPublic && type.IsSealed);
    }

    private static ParameterSetEntry SetEntry(CustomAttributeData parameter)
    {
        T Named<T>(string name, T fallback) =>
            parameter.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();

        return new ParameterSetEntry(Named("ParameterSetName", CmdletDeclaration.AllSets), Named("Mandatory", false), Named("Position", int.MinValue),
            Named("ValueFromPipeline", false), Named("ValueFromPipelineByPropertyName", false));
    }

    private static string TypeName(Type type)
    {
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            return TypeName(type.GetGenericArguments()[0]);
        }

        return type.Name;
    }
}
