import { describe, expect, it } from 'vitest';
import { attendeeChoice, attendeeValues, markValues, matchesSearch } from './roll-call';

describe('roll call', () => {
  it('« Présent » names the titulaire unless someone is already named', () => {
    expect(markValues({}, 'present')).toMatchObject({
      status: 'present',
      attendeeIsTitulaire: true,
    });
    expect(markValues({ attendeeMemberNo: 3 }, 'present')).toEqual({
      status: 'present',
      absenceReason: undefined,
    });
    expect(markValues({ substitute: { name: 'Oumou' } }, 'present')).not.toHaveProperty(
      'substitute',
    );
  });

  it('absent or excused clears who came', () => {
    expect(markValues({ attendeeIsTitulaire: true }, 'absent')).toEqual({
      status: 'absent',
      attendeeIsTitulaire: undefined,
      attendeeMemberNo: undefined,
      substitute: undefined,
      minorAttendeeConfirmed: undefined,
    });
  });

  it('who came is exactly one person', () => {
    expect(attendeeChoice(attendeeValues('member:4'))).toBe('member:4');
    expect(attendeeChoice(attendeeValues('titulaire'))).toBe('titulaire');
    expect(attendeeChoice(attendeeValues('substitute'))).toBe('substitute');
    expect(attendeeChoice(attendeeValues('none'))).toBe('none');
    expect(attendeeValues('member:4')).toMatchObject({
      attendeeMemberNo: 4,
      attendeeIsTitulaire: undefined,
      substitute: undefined,
    });
  });

  it('search: every word, in a name or the code, accents and case ignored', () => {
    const h = {
      householdCode: 'KOR-DIO-0042',
      headName: 'Amadou Guindo',
      titulaireName: 'Awa Kassogué',
    };
    expect(matchesSearch(h, '')).toBe(true);
    expect(matchesSearch(h, 'KASSOGUE')).toBe(true);
    expect(matchesSearch(h, 'awa 0042')).toBe(true);
    expect(matchesSearch(h, 'guindo')).toBe(true);
    expect(matchesSearch(h, 'awa dolo')).toBe(false);
    expect(matchesSearch({ householdCode: 'GAO-001' }, 'gao')).toBe(true);
  });
});
