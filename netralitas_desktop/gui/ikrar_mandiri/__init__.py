"""The Ikrar Mandiri tab: forms for those who did not pledge at the event, receiving returned
forms by scan, and the list of who still owes one (over ``core.pledges``)."""
