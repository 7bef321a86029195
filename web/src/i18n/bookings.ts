// The meetings catalogs (booking page, week view, meeting types editor) in French and English.
// They live beside fr.json and en.json rather than in them: only the lazy chunks that show
// meetings import this module, which merges the strings into i18next's catalogs on load (the
// professional app's initial download does not carry them).
import i18next from "i18next";
import en from "./bookings.en.json";
import fr from "./bookings.fr.json";

// Deep merge; adding twice (hot reload) changes nothing.
i18next.addResourceBundle("fr", "translation", fr, true, true);
i18next.addResourceBundle("en", "translation", en, true, true);

export const bookingCatalogs = { fr, en };
