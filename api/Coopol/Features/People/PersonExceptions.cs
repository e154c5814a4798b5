using Coopol.Common;

namespace Coopol.Features.People;

/// <summary>Unknown and not visible to the caller look the same, so a denial never tells whether a person exists.</summary>
public sealed class PersonNotFoundException() : CoopolException("PERSON_NOT_FOUND", "This person was not found.");

public sealed class SectionNotInFederationException(string federationCode)
    : CoopolException("SECTION_NOT_IN_FEDERATION", $"The section is not in federation {federationCode}.");
