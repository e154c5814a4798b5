using Coopol.Common;

namespace Coopol.Features.PartyTree;

public sealed class SectionNotFoundException() : CoopolException("SECTION_NOT_FOUND", "This section was not found.");

public sealed class FederationNotFoundException(string code)
    : CoopolException("FEDERATION_NOT_FOUND", $"There is no federation with code '{code}'.");
