/** 处置: the board of incidents by state at /incidents and one incident at /incidents/:id. */
import { Route, Routes, useParams } from 'react-router-dom';
import { IncidentBoard } from './board.js';
import { IncidentDetail } from './incident-detail.js';
import './incidents.css';

function DetailRoute() {
  const { id } = useParams();
  return id === undefined ? <IncidentBoard /> : <IncidentDetail key={id} id={id} />;
}

/** The incidents area. */
export function IncidentsPage() {
  return (
    <Routes>
      <Route index element={<IncidentBoard />} />
      <Route path=":id" element={<DetailRoute />} />
    </Routes>
  );
}
