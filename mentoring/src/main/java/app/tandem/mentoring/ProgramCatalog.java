package app.tandem.mentoring;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** What other modules may know of the organization's programs: their names, for what they count per program. */
public interface ProgramCatalog {

    /** The names of the programs in scope among {@code ids}, whatever their status; unknown ids are left out. */
    Map<UUID, String> names(Collection<UUID> ids);
}
