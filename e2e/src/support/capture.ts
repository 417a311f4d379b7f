import { CiblageFormPage, type MemberInput } from '../pages/ciblage-form-page';
import { CiblageListPage } from '../pages/ciblage-list-page';
import { HomePage } from '../pages/home-page';
import type { SignedInTablet } from './field-session';

/**
 * Captures and finalises a whole ciblage survey on a signed-in enumerator tablet, through the forms,
 * and comes back to the list. The head's name (first member) names it in the lists.
 */
export async function captureCiblage(
  tablet: SignedInTablet,
  village: string,
  members: readonly MemberInput[],
): Promise<void> {
  await tablet.shell.goHome();
  await new HomePage(tablet.page).open('Nouvelle enquête ménage');
  const form = new CiblageFormPage(tablet.page);
  await form.waitUntilShown();
  await form.fillComplete(village, members);
  await form.finalise();
  // Online, the finalised survey leaves at once (its flash message may already be gone): the list
  // shows it, finalised or already synced.
  const list = new CiblageListPage(tablet.page);
  await list.waitUntilShown();
  const head = members[0];
  if (head)
    await list
      .item(`${head.firstName} ${head.lastName}`)
      .getByText(/^(Finalisé|Synchronisé)$/)
      .waitFor();
}
