"""The Peserta tab: the participant table and its model, the absence dialog, and the roster
import wizard (over ``core.roster``)."""
