import { useTranslation } from 'react-i18next';
import type { PayloadError } from '../../api/mutationErrors';
import type { QuestionKind } from '../../gql/graphql';
import { FieldErrors } from '../../ui/FieldErrors';
import { MAX_QUESTIONS, newQuestion, QUESTION_KINDS, type QuestionDraft } from './actionForm';

interface Props {
  questions: QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  /** The form's errors under action.questions (action.questions.2.label…). */
  errors: readonly PayloadError[] | undefined;
}

/** The short script asked at each door: questions added and removed, each a yes/no, a choice (one per line) or a text. */
export function QuestionsEditor({ questions, onChange, errors }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<QuestionDraft>) => onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  const errorsOf = (i: number, part: string) => (errors ?? []).filter((e) => e.field === `action.questions.${i}.${part}` || (part === 'label' && e.field === `action.questions.${i}`));
  const general = (errors ?? []).filter((e) => !/^action\.questions\.\d+/.test(e.field ?? ''));

  return (
    <div className="questions-editor" data-testid="questions-editor">
      <p className="label">{t('actions.form.questions')}</p>
      <p className="hint">{t('actions.form.questionsHint')}</p>
      <ol className="questions">
        {questions.map((q, i) => {
          const labelErrors = errorsOf(i, 'label');
          const choiceErrors = errorsOf(i, 'choices');
          return (
            <li key={q.key} className="question-draft card-item" data-testid="question-draft">
              <label className="field">
                {t('actions.form.questionLabel', { number: i + 1 })}
                <input
                  value={q.label}
                  maxLength={200}
                  onChange={(e) => update(i, { label: e.target.value })}
                  aria-invalid={labelErrors.length ? true : undefined}
                  aria-describedby={labelErrors.length ? `question-${q.key}-label-errors` : undefined}
                  data-testid="question-label"
                />
              </label>
              <FieldErrors id={`question-${q.key}-label-errors`} errors={labelErrors} />
              <label className="field">
                {t('actions.form.questionKind')}
                <select value={q.kind} onChange={(e) => update(i, { kind: e.target.value as QuestionKind })} data-testid="question-kind">
                  {QUESTION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`actions.form.questionKinds.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              {q.kind === 'CHOICE' && (
                <>
                  <label className="field">
                    {t('actions.form.questionChoices')}
                    <textarea
                      rows={3}
                      value={q.choices}
                      onChange={(e) => update(i, { choices: e.target.value })}
                      aria-invalid={choiceErrors.length ? true : undefined}
                      aria-describedby={choiceErrors.length ? `question-${q.key}-choices-errors` : undefined}
                      data-testid="question-choices"
                    />
                    <span className="hint">{t('actions.form.questionChoicesHint')}</span>
                  </label>
                  <FieldErrors id={`question-${q.key}-choices-errors`} errors={choiceErrors} />
                </>
              )}
              <button type="button" className="danger" onClick={() => onChange(questions.filter((_, j) => j !== i))} data-testid="question-remove">
                {t('actions.form.questionRemove')}
              </button>
            </li>
          );
        })}
      </ol>
      {questions.length < MAX_QUESTIONS && (
        <button type="button" className="secondary" onClick={() => onChange([...questions, newQuestion()])} data-testid="question-add">
          {t('actions.form.questionAdd')}
        </button>
      )}
      <FieldErrors id="action-form-errors-questions" errors={general} />
    </div>
  );
}
