import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXAMPLE, codeOf, describeDiagnostics, showDocument, waitForDiagnostics, workspaceFile } from './helpers';

/** A frab schedule.json as frab writes it (shortened): no zone name, every date at +01:00. */
const SCHEDULE = {
  schedule: {
    version: '1.0',
    conference: {
      acronym: 'e2econf',
      title: 'E2E Congress',
      start: '2018-12-27',
      end: '2018-12-27',
      daysCount: 1,
      timeslot_duration: '00:10',
      days: [
        {
          index: 1,
          date: '2018-12-27',
          day_start: '2018-12-27T11:00:00+01:00',
          day_end: '2018-12-28T03:00:00+01:00',
          rooms: {
            Adams: [
              {
                guid: '15f4e5c5-40e1-4c73-8da0-4cc2a773ab13',
                id: 9985,
                date: '2018-12-27T11:00:00+01:00',
                start: '11:00',
                duration: '00:30',
                room: 'Adams',
                slug: '35c3-9985-opening_event',
                url: 'https://fahrplan.events.ccc.de/congress/2018/Fahrplan/events/9985.html',
                title: 'Opening Event',
                subtitle: 'Refreshing Memories',
                track: 'CCC',
                type: 'lecture',
                language: 'de',
                abstract: 'Hier geht es los.',
                do_not_record: false,
                persons: [{ id: 8759, public_name: 'rufus' }],
                links: [{ url: 'nsu-watch.info', title: 'NSU Watch' }],
                attachments: [],
              },
              {
                guid: '2b3c4d5e-40e1-4c73-8da0-4cc2a773ab14',
                id: 9986,
                date: '2018-12-28T01:30:00+01:00',
                start: '01:30',
                duration: '00:45',
                room: 'Adams',
                slug: '35c3-9986-late',
                url: 'https://fahrplan.events.ccc.de/congress/2018/Fahrplan/events/9986.html',
                title: 'Late Night Talk',
                subtitle: '',
                track: 'CCC',
                type: 'lecture',
                language: 'en',
                abstract: '',
                do_not_record: true,
                persons: [{ id: 8759, public_name: 'Someone Else' }],
                links: [],
                attachments: [],
              },
              {
                guid: '3c4d5e6f-40e1-4c73-8da0-4cc2a773ab15',
                id: 9987,
                date: '2018-12-27T11:15:00+01:00',
                start: '11:15',
                duration: '00:30',
                room: 'Adams',
                title: 'Double-Booked',
                track: 'CCC',
                persons: [],
                links: [],
                attachments: [],
              },
            ],
          },
        },
      ],
    },
  },
};

suite('Import', () => {
  test('`programme.importSchedule` on a schedule.json opens the new programme beside, checked by the server', async function () {
    this.timeout(120_000);
    // "Beside" is the column next to the active editor: start from the example alone, whatever
    // earlier suites left open.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await showDocument(workspaceFile(EXAMPLE));
    const source = workspaceFile('tmp-e2e-35c3.json');
    fs.writeFileSync(source.fsPath, JSON.stringify(SCHEDULE, null, 2));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('programme.importSchedule', source);
    assert.ok(editor, 'the command returns the new editor');
    const document = editor.document;
    assert.equal(document.uri.scheme, 'untitled');
    assert.ok(document.uri.path.endsWith('/tmp-e2e-35c3.programme.yaml'), document.uri.toString());
    assert.equal(document.languageId, 'programme');
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'opened beside the example');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    // No zone in the file: the local times are kept as written; the day after midnight stays on its day.
    assert.match(text, /timezone: Etc\/GMT-1\n\s+day-change: 03:00\n/);
    assert.match(text, /end: 2018-12-27\n/);
    assert.match(text, /start: 2018-12-27 11:00\n/);
    assert.match(text, /start: 2018-12-28 01:30\n/);
    assert.match(text, /guid: 15f4e5c5-40e1-4c73-8da0-4cc2a773ab13\n\s+source-id: 9985\n/);
    assert.match(text, /recording: false\n/);
    // One id, two names: two people.
    assert.match(text, /\n {2}rufus:\n {4}name: rufus\n/);
    assert.match(text, /\n {2}someone-else:\n {4}name: Someone Else\n/);
    // The server checks the new programme: the double booking that was in the source is its only error.
    const diagnostics = await waitForDiagnostics(document.uri, (list) => list.some((d) => codeOf(d) === 'slot-overlap'), 'the slot-overlap of the source', {
      timeoutMs: 45_000,
    });
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map(codeOf), ['slot-overlap'], describeDiagnostics(errors));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    fs.rmSync(source.fsPath, { force: true });
  });
});
