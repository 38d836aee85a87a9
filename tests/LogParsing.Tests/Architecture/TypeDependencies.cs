using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LogParsing.Tests.Architecture;

/// <summary>
/// What each type of an assembly uses, read from its metadata and IL (not from <c>using</c> lines): its base type and
/// interfaces, the signatures of its fields, methods and properties, its attributes, and every type, method and field its
/// method bodies touch. Nested and compiler-generated types count as part of the type that declares them.
/// </summary>
internal sealed class TypeDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly MetadataReader _reader;

    /// <summary>A type: the assembly it is in (null for this one) and its full name (outer type for nested ones).</summary>
    public readonly record struct TypeKey(string? Assembly, string FullName)
    {
        public override string ToString() => Assembly is null ? FullName : $"[{Assembly}]{FullName}";
    }

    public TypeDependencies(string assemblyPath)
    {
        var pe = new PEReader(File.OpenRead(assemblyPath));
        _reader = pe.GetMetadataReader();
        Pe = pe;
    }

    private PEReader Pe { get; }

    /// <summary>Every top-level type of the assembly and the types it uses (itself excluded).</summary>
    public Dictionary<string, HashSet<TypeKey>> Read()
    {
        var result = new Dictionary<string, HashSet<TypeKey>>(StringComparer.Ordinal);
        foreach (var handle in _reader.TypeDefinitions)
        {
            var owner = TopLevelName(handle);
            if (owner is "<Module>" || owner.StartsWith("<PrivateImplementationDetails>", StringComparison.Ordinal) || owner.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || owner.StartsWith("System.", StringComparison.Ordinal))
                continue;
            if (!result.TryGetValue(owner, out var uses)) result[owner] = uses = [];
            Collect(handle, uses);
            uses.Remove(new TypeKey(null, owner));
        }
        return result;
    }

    private void Collect(TypeDefinitionHandle handle, HashSet<TypeKey> uses)
    {
        var type = _reader.GetTypeDefinition(handle);
        var provider = new Provider(this);
        if (!type.BaseType.IsNil) AddEntity(type.BaseType, uses, provider);
        foreach (var i in type.GetInterfaceImplementations()) AddEntity(_reader.GetInterfaceImplementation(i).Interface, uses, provider);
        AddAttributes(type.GetCustomAttributes(), uses, provider);
        foreach (var p in type.GetGenericParameters())
            foreach (var c in _reader.GetGenericParameter(p).GetConstraints()) AddEntity(_reader.GetGenericParameterConstraint(c).Type, uses, provider);
        foreach (var f in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(f);
            uses.UnionWith(field.DecodeSignature(provider, null));
            AddAttributes(field.GetCustomAttributes(), uses, provider);
        }
        foreach (var p in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(p);
            var signature = property.DecodeSignature(provider, null);
            uses.UnionWith(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes) uses.UnionWith(parameter);
            AddAttributes(property.GetCustomAttributes(), uses, provider);
        }
        foreach (var m in type.GetMethods())
        {
            var method = _reader.GetMethodDefinition(m);
            var signature = method.DecodeSignature(provider, null);
            uses.UnionWith(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes) uses.UnionWith(parameter);
            AddAttributes(method.GetCustomAttributes(), uses, provider);
            foreach (var p in method.GetParameters()) AddAttributes(_reader.GetParameter(p).GetCustomAttributes(), uses, provider);
            if (method.RelativeVirtualAddress != 0) AddBody(Pe.GetMethodBody(method.RelativeVirtualAddress), uses, provider);
        }
    }

    private void AddAttributes(CustomAttributeHandleCollection attributes, HashSet<TypeKey> uses, Provider provider)
    {
        foreach (var a in attributes)
        {
            var attribute = _reader.GetCustomAttribute(a);
            AddEntity(attribute.Constructor, uses, provider);
            // typeof(...) arguments ([JsonConverter(typeof(X))]) are serialized names: the types they name are used too.
            CustomAttributeValue<TypeKey?> value;
            try
            {
                value = attribute.DecodeValue(new AttributeTypes());
            }
            catch (BadImageFormatException)
            {
                continue;
            }
            foreach (var argument in value.FixedArguments.Select(f => (f.Type, f.Value)).Concat(value.NamedArguments.Select(n => (n.Type, n.Value))))
                if (argument.Value is TypeKey named) uses.Add(named);
        }
    }

    /// <summary>Just enough of attribute decoding to find <c>typeof</c> arguments (enums are taken as <c>int</c>, as every enum here is).</summary>
    private sealed class AttributeTypes : ICustomAttributeTypeProvider<TypeKey?>
    {
        public static TypeKey Parse(string serialized)
        {
            var comma = serialized.IndexOf(',');
            var name = comma < 0 ? serialized : serialized[..comma];
            var generic = name.IndexOf('[');
            if (generic > 0) name = name[..generic];
            var nested = name.IndexOf('+');
            if (nested > 0) name = name[..nested];
            var assembly = comma < 0 ? null : serialized[(comma + 1)..].Split(',')[0].Trim();
            return new TypeKey(assembly is null or "LogParsing" ? null : assembly, name);
        }

        public TypeKey? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public TypeKey? GetSystemType() => new TypeKey("System.Runtime", "System.Type");
        public TypeKey? GetSZArrayType(TypeKey? elementType) => elementType;
        public TypeKey? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;
        public TypeKey? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var reference = reader.GetTypeReference(handle);
            return new TypeKey(null, reader.GetString(reference.Namespace) + "." + reader.GetString(reference.Name));
        }
        public TypeKey? GetTypeFromSerializedName(string name) => Parse(name);
        public PrimitiveTypeCode GetUnderlyingEnumType(TypeKey? type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(TypeKey? type) => type is { FullName: "System.Type" };
    }

    private void AddBody(MethodBodyBlock body, HashSet<TypeKey> uses, Provider provider)
    {
        if (!body.LocalSignature.IsNil)
        {
            var locals = _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
            foreach (var local in locals) uses.UnionWith(local);
        }
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            short value = il.ReadByte();
            if (value == 0xFE) value = unchecked((short)(0xFE00 | il.ReadByte()));
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.ReadByte(); break;
                case OperandType.InlineVar: il.ReadInt16(); break;
                case OperandType.InlineI8 or OperandType.InlineR: il.ReadInt64(); break;
                case OperandType.InlineSwitch: var n = il.ReadInt32(); for (var i = 0; i < n; i++) il.ReadInt32(); break;
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    AddEntity(MetadataTokens.EntityHandle(il.ReadInt32()), uses, provider);
                    break;
                default: il.ReadInt32(); break;
            }
        }
    }

    private void AddEntity(EntityHandle handle, HashSet<TypeKey> uses, Provider provider)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition: uses.Add(new TypeKey(null, TopLevelName((TypeDefinitionHandle)handle))); break;
            case HandleKind.TypeReference: uses.Add(Key((TypeReferenceHandle)handle)); break;
            case HandleKind.TypeSpecification: uses.UnionWith(_reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null)); break;
            case HandleKind.MethodDefinition:
                var method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                uses.Add(new TypeKey(null, TopLevelName(method.GetDeclaringType())));
                break;
            case HandleKind.FieldDefinition:
                uses.Add(new TypeKey(null, TopLevelName(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())));
                break;
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                AddEntity(member.Parent, uses, provider);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    var signature = member.DecodeMethodSignature(provider, null);
                    uses.UnionWith(signature.ReturnType);
                    foreach (var p in signature.ParameterTypes) uses.UnionWith(p);
                }
                else uses.UnionWith(member.DecodeFieldSignature(provider, null));
                break;
            case HandleKind.MethodSpecification:
                var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                AddEntity(spec.Method, uses, provider);
                foreach (var t in spec.DecodeSignature(provider, null)) uses.UnionWith(t);
                break;
        }
    }

    private TypeKey Key(TypeReferenceHandle handle)
    {
        var reference = _reader.GetTypeReference(handle);
        var scope = reference.ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            handle = (TypeReferenceHandle)scope;
            reference = _reader.GetTypeReference(handle);
            scope = reference.ResolutionScope;
        }
        var name = Name(reference.Namespace, reference.Name);
        return scope.Kind == HandleKind.AssemblyReference
            ? new TypeKey(_reader.GetString(_reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name), name)
            : new TypeKey(null, name);
    }

    private string TopLevelName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            handle = type.GetDeclaringType();
            type = _reader.GetTypeDefinition(handle);
        }
        return FullName(handle);
    }

    private string FullName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        return Name(type.Namespace, type.Name);
    }

    private string Name(StringHandle ns, StringHandle name)
    {
        var n = _reader.GetString(ns);
        return n.Length == 0 ? _reader.GetString(name) : n + "." + _reader.GetString(name);
    }

    /// <summary>Decodes signatures into the set of types they mention.</summary>
    private sealed class Provider(TypeDependencies owner) : ISignatureTypeProvider<ImmutableHashSet<TypeKey>, object?>
    {
        private static readonly ImmutableHashSet<TypeKey> None = [];

        public ImmutableHashSet<TypeKey> GetArrayType(ImmutableHashSet<TypeKey> elementType, ArrayShape shape) => elementType;
        public ImmutableHashSet<TypeKey> GetByReferenceType(ImmutableHashSet<TypeKey> elementType) => elementType;
        public ImmutableHashSet<TypeKey> GetFunctionPointerType(MethodSignature<ImmutableHashSet<TypeKey>> signature) =>
            signature.ParameterTypes.Aggregate(signature.ReturnType, (a, b) => a.Union(b));
        public ImmutableHashSet<TypeKey> GetGenericInstantiation(ImmutableHashSet<TypeKey> genericType, ImmutableArray<ImmutableHashSet<TypeKey>> typeArguments) =>
            typeArguments.Aggregate(genericType, (a, b) => a.Union(b));
        public ImmutableHashSet<TypeKey> GetGenericMethodParameter(object? genericContext, int index) => None;
        public ImmutableHashSet<TypeKey> GetGenericTypeParameter(object? genericContext, int index) => None;
        public ImmutableHashSet<TypeKey> GetModifiedType(ImmutableHashSet<TypeKey> modifier, ImmutableHashSet<TypeKey> unmodifiedType, bool isRequired) => unmodifiedType;
        public ImmutableHashSet<TypeKey> GetPinnedType(ImmutableHashSet<TypeKey> elementType) => elementType;
        public ImmutableHashSet<TypeKey> GetPointerType(ImmutableHashSet<TypeKey> elementType) => elementType;
        public ImmutableHashSet<TypeKey> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
        public ImmutableHashSet<TypeKey> GetSZArrayType(ImmutableHashSet<TypeKey> elementType) => elementType;
        public ImmutableHashSet<TypeKey> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [new TypeKey(null, owner.TopLevelName(handle))];
        public ImmutableHashSet<TypeKey> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [owner.Key(handle)];
        public ImmutableHashSet<TypeKey> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
