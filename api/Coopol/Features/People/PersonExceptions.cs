using Coopol.Common;

namespace Coopol.Features.People;

public sealed class PersonNotFoundException() : CoopolException("PERSON_NOT_FOUND", "This person was not found.");

public sealed class SectionNotInFederationException(string federationCode)
    : CoopolException("SECTION_NOT_IN_FEDERATION", $"The section is not in federation {federationCode}.");
