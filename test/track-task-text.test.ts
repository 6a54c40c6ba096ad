import { describe, expect, it } from 'vitest';
import { taskText } from '../src/track/task-text.js';

describe('the task of an action item', () => {
  it.each([
    [
      'AI @itrich: => AI Itrich: Create PR (to be reviewed by SIG standardization / Kurt)',
      'Create PR (to be reviewed by SIG standardization / Kurt)',
    ],
    ['needed => @garloff', 'needed'],
    ['AI(YK+AWB): Put an algorithm in the spec', 'Put an algorithm in the spec'],
    ['ToDo (@reqa): Support Cleura', 'Support Cleura'],
    ['@lidel, @alanshaw, @olizilla – sync with @Gozala', 'sync with @Gozala'],
    ['AI @garloff to run after CSPs to get them back to green', 'run after CSPs to get them back to green'],
    ['wave, aov, artcodix: TBD (AI @garloff, @fkr)', 'wave, aov, artcodix: TBD'],
    ['@fkr reach out to CSPs for Availability Zones - DONE', 'reach out to CSPs for Availability Zones'],
    ['Kurt AI: send the slides', 'send the slides'],
    ['-> TODO: Attack this more generally prior to R4', 'Attack this more generally prior to R4'],
    ['_AI @mbuechse: extend scs-0003_', 'extend scs-0003'],
    ['(TODO: Ask Allen to revisit)', 'Ask Allen to revisit'],
    ['First draft due tonight (AI @garloff, ...) <-- This one is empty at the moment', 'First draft due tonight'],
    ['Action Items', ''],
  ])('%s -> %s', (line, task) => {
    expect(taskText(line)).toBe(task);
  });

  it('leaves a task that carries no wrapping as it is', () => {
    for (const line of [
      'Try to realize them conceptually',
      'PKA will check with ACE on the status of JSON.parseImmutable.',
      'AI Act compliance review',
    ]) {
      expect(taskText(line)).toBe(line);
    }
  });
});
