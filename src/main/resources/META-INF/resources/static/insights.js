// Migration Insights pages work without this file; it only adds an upload progress bar (imports page).
"use strict";
