import { describe, expect, it } from 'vitest';
import { buildActionInput, emptyActionValues, localActionErrors, newQuestion, valuesOf, type EditedAction } from './actionForm';
import { actionDetails } from '../../test/actionFixtures';

describe('survey questions and campaign of a door-to-door', () => {
  const edited = {
    ...actionDetails({ kind: 'DOOR_TO_DOOR', meetingAddress: 'Place Vauban', meetingPoint: { latitude: 48.39, longitude: -4.49 } }),
    campaign: 'Municipales 2026',
    questions: [{ label: 'Will you vote?', kind: 'YES_NO', choices: [] }, { label: 'Concern', kind: 'CHOICE', choices: ['Housing', 'Transport'] }],
  } as unknown as EditedAction;

  it('leaves campaign and questions out when unchanged, so the API keeps them', () => {
    const v = valuesOf(edited);
    const input = buildActionInput(v, { campaign: edited.campaign ?? '', questions: valuesOf(edited).questions });
    expect(input.campaign).toBeUndefined();
    expect(input.questions).toBeUndefined();
  });

  it('sends every question once one changes, choices one per line', () => {
    const v = valuesOf(edited);
    v.questions = [...v.questions, newQuestion('TEXT', ' Anything else ')];
    v.questions[1] = { ...v.questions[1]!, choices: 'Housing\n\n Transport \nSchools' };
    const input = buildActionInput(v, { campaign: edited.campaign ?? '', questions: valuesOf(edited).questions });
    expect(input.questions).toEqual([
      { label: 'Will you vote?', kind: 'YES_NO', choices: [] },
      { label: 'Concern', kind: 'CHOICE', choices: ['Housing', 'Transport', 'Schools'] },
      { label: 'Anything else', kind: 'TEXT', choices: [] },
    ]);
  });

  it('checks a question has a label, and a choice question two choices', () => {
    const v = { ...emptyActionValues(), kind: 'DOOR_TO_DOOR' as const, questions: [newQuestion('CHOICE', '', 'Only one')] };
    const errors = localActionErrors(v).filter((e) => e.field?.startsWith('action.questions'));
    expect(errors).toEqual([
      { code: 'REQUIRED', field: 'action.questions.0.label' },
      { code: 'CHOICES_NEEDED', field: 'action.questions.0.choices' },
    ]);
  });
});
