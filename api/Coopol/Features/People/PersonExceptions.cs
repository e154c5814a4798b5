using Coopol.Common;

namespace Coopol.Features.People;

/// <summary>Unknown and not visible to the caller look the same, so a denial never tells whether a person exists.</summary>
public sealed class PersonNotFoundException() : CoopolException("PERSON_NOT_FOUND", "This person was not found.");

public sealed class SectionNotInFederationException(string federationCode)
    : CoopolException("SECTION_NOT_IN_FEDERATION", $"The section is not in federation {federationCode}.");

public sealed class ConsentWithdrawnByPersonException()
    : CoopolException("CONSENT_WITHDRAWN_BY_PERSON", "This person withdrew this consent: only they can give it again.");

public sealed class InvitationNotFoundException() : CoopolException("INVITATION_NOT_FOUND", "This invitation was not found.");

public sealed class InvitationAlreadyAnsweredException()
    : CoopolException("INVITATION_ALREADY_ANSWERED", "This invitation has already been answered.");

public sealed class ExportNotFoundException() : CoopolException("EXPORT_NOT_FOUND", "This export was not found or has expired.");
